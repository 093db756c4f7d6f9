using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Internal;
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
        foreach (var evaluation in context.Planned<ScoreTask>())
        {
            var (arm, seed) = (evaluation.Arm?.Name ?? ScoreTask.Good, evaluation.Seed);
            inputs[$"eval:{arm}:{seed}"] = evaluation.AsInput();
            inputs[$"run:{arm}:{seed}"] = evaluation.Inputs["run"];
            foreach (var suite in new[] { "tasks", "probes" })
            {
                if (evaluation.Inputs.TryGetValue(suite, out var folder))
                    inputs[suite] = folder;
            }
        }
        foreach (var diagnosis in context.Planned<DiagnoseTask>())
            inputs[$"diag:{diagnosis.Instance}"] = diagnosis.AsInput();
        var arms = context.Planned<TrainFinalTask>().Select(r => r.Arm!).Distinct()
            .Select(a => new ReportArm(a.Name, a.Corpus, a.Ratio, e.Mix.PerDeviceBatch)).ToList();
        yield return context.Step("Report", "report", new ReportSettings(Arm.Baseline, arms, e.Evaluate.Replicates, e.Seed), e.Seed, inputs);
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
    }
}
