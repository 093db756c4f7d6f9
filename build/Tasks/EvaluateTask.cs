using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Evaluate")]
[IsDependentOn(typeof(TrainFinalTask))]
[TaskDescription("Scores every checkpoint of every final model and GOOD (perplexity, zero-shot tasks), then reports the comparison")]
public sealed class EvaluateTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var good = context.Planned<TrainGoodTask>().Single();
        var evaluations = new List<(string Arm, int Seed, StepInstance Run, StepInstance Evaluation)>
        {
            ("good", e.Good.Seed, good, Evaluate(context, good, "good", e.Good.Seed, [e.Good.Step])),
        };
        foreach (var run in context.Planned<TrainFinalTask>())
        {
            var settings = (TrainSettings)run.Settings;
            var arm = run.Instance[..run.Instance.LastIndexOf("-seed", StringComparison.Ordinal)];
            evaluations.Add((arm, settings.Seed, run, Evaluate(context, run, arm, settings.Seed, CheckpointSteps(settings.Train))));
        }
        foreach (var evaluation in evaluations)
            yield return evaluation.Evaluation;
        yield return Report(context, evaluations);
    }

    /// <summary>Prints the comparison table and puts the report next to the run's other results.</summary>
    public override void Run(BuildContext context)
    {
        var report = context.Planned<EvaluateTask>().Single(i => i.Step == "Report").Folder;
        var run = context.Paths.Run(context.Experiment.Name);
        foreach (var file in Directory.EnumerateFiles(report).Where(f => f.EndsWith(".md") || f.EndsWith(".json") || f.EndsWith(".png")))
        {
            if (Path.GetFileName(file) != ArtifactStore.ManifestFile)
                RunRecord.Publish(Path.Combine(run, Path.GetFileName(file)), tmp => File.Copy(file, tmp, overwrite: true));
        }
        Console.WriteLine();
        Console.WriteLine(File.ReadAllText(Path.Combine(report, "summary.txt")));
        Console.WriteLine($"Report: {Path.GetRelativePath(context.Paths.Root, Path.Combine(run, "report.md"))}");
    }

    static StepInstance Report(BuildContext context, List<(string Arm, int Seed, StepInstance Run, StepInstance Evaluation)> evaluations)
    {
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>();
        foreach (var (arm, seed, run, evaluation) in evaluations)
        {
            inputs[$"eval:{arm}:{seed}"] = evaluation.AsInput();
            inputs[$"run:{arm}:{seed}"] = run.AsInput();
            foreach (var suite in new[] { "tasks", "probes" })
            {
                if (evaluation.Inputs.TryGetValue(suite, out var folder))
                    inputs[suite] = folder;
            }
        }
        var arms = Arm.All(context).Select(a => new ReportArm(a.Name, a.Corpus, a.Ratio, e.Mix.PerDeviceBatch)).ToList();
        return context.Step("Report", "report", new ReportSettings(Arm.Baseline, arms, e.Evaluate.Replicates, e.Seed), e.Seed, inputs);
    }

    /// <summary>Every checkpoint a run writes: multiples of checkpoint_every, and the last step.</summary>
    public static List<int> CheckpointSteps(TrainConfig train) =>
        [.. Enumerable.Range(1, train.Steps / train.CheckpointEvery).Select(i => i * train.CheckpointEvery).Append(train.Steps).Distinct()];

    static StepInstance Evaluate(BuildContext context, StepInstance run, string arm, int seed, List<int> steps)
    {
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>
        {
            ["run"] = run.AsInput(),
            ["tokens"] = context.Planned<TokenizeTask>().Single().AsInput(),
        };
        if (e.Evaluate.Tasks is { } tasks)
            inputs["tasks"] = context.Folder(tasks);
        if (e.Evaluate.Probes && e.Corpus.IsBuiltin)
        {
            inputs["probes"] = context.Planned<CorpusTask>().Single().AsInput("probes");
        }
        var settings = new EvaluateSettings(arm, seed, steps, e.Evaluate.PerplexityBlocks, e.Evaluate.BatchSize);
        return context.Step("Evaluate", $"{arm}-seed{seed}", settings, seed, inputs);
    }
}
