using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Build.Store;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Evaluate")]
[IsDependentOn(typeof(DiagnoseTask))]
[IsDependentOn(typeof(ScoreTask))]
[TaskDescription("Reports the comparison: every arm against the baseline (paired bootstrap) over the scored checkpoints; prints the table, writes report.md, report.json and plots")]
public sealed class EvaluateTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>();
        var runs = new List<ReportRun>();
        foreach (var scores in context.Planned<ScoreTask>())
        {
            var run = new ReportRun(scores.Arm?.Name ?? ScoreContract.Good, scores.Seed);
            runs.Add(run);
            inputs[ReportContract.Scores(run.Arm, run.Seed)] = scores.AsInput();
            inputs[ReportContract.Run(run.Arm, run.Seed)] = scores.Inputs[ScoreContract.Run];
            foreach (var suite in ScoreContract.Suites)
            {
                if (scores.Inputs.TryGetValue(suite, out var folder))
                    inputs[suite] = folder;
            }
        }
        var corpora = context.Planned<DiagnoseTask>().Select(d => d.Instance).Order(StringComparer.Ordinal).ToList();
        foreach (var diagnosis in context.Planned<DiagnoseTask>())
            inputs[ReportContract.Diagnosis(diagnosis.Instance)] = diagnosis.AsInput();
        var arms = context.Planned<TrainFinalTask>().Select(r => r.Arm!).Distinct()
            .Select(a => new ReportArm(a.Name, a.Corpus, a.Ratio, e.Mix.PerDeviceBatch)).ToList();
        // In the order of their input names, as the report has always listed them.
        runs = [.. runs.OrderBy(r => ReportContract.Scores(r.Arm, r.Seed), StringComparer.Ordinal)];
        var settings = new ReportSettings(Arm.Baseline, arms, runs, corpora, e.Evaluate.Replicates, e.Seed);
        yield return context.Step(ReportContract.Step, "report", settings, e.Seed, inputs);
    }

    /// <summary>Prints the comparison table and puts the report next to the run's other results.</summary>
    public override void Run(BuildContext context)
    {
        var report = context.Planned<EvaluateTask>().Single().Folder;
        var run = context.Paths.Run(context.Experiment.Name);
        foreach (var file in Directory.EnumerateFiles(report).Where(f => f.EndsWith(".md") || f.EndsWith(".json") || f.EndsWith(".png")))
        {
            if (Path.GetFileName(file) != ArtifactStore.ManifestFile)
                RunRecord.Publish(Path.Combine(run, Path.GetFileName(file)), tmp => File.Copy(file, tmp, overwrite: true));
        }
        Console.WriteLine();
        Console.WriteLine(File.ReadAllText(Path.Combine(report, "summary.txt")));
        Console.WriteLine($"Report: {Path.GetRelativePath(context.Paths.Root, Path.Combine(run, "report.md"))}");
        // What the experiment cost beside it, from the logs: not in the report artifact, whose bytes depend on scores only.
        Console.WriteLine(RunCost.Write(run, RunCost.Of(context.Paths, context.AllPlanned.Where(i => i.Manifest is not null))) +
            $" ({Path.GetRelativePath(context.Paths.Root, Path.Combine(run, RunCost.MarkdownFile))})");
    }
}
