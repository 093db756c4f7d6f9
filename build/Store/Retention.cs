using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// What each training run keeps once it has finished (train.keep_optimizer, train.keep_checkpoints), and the check,
/// before anything runs, that no step is about to load a checkpoint a finished run dropped.
/// </summary>
internal static class Retention
{
    /// <summary>Sets the retention of every training run of the plan; returns an error when a step would load a dropped checkpoint.</summary>
    public static string? Prepare(BuildContext context, TaskGraph graph, IEnumerable<PlannedStep> plan)
    {
        var planned = plan.ToList();
        var runs = planned.Select(p => p.Instance).Where(i => i.Settings is TrainSettings).ToList();
        // The readers may lie beyond the target (--target=TrainGood): they are found on the whole graph.
        var read = runs.Any(r => ((TrainSettings)r.Settings).Train.KeepCheckpoints == CheckpointRetention.Read)
            ? CheckpointsRead(GraphInstances.Plan(GraphInstances.FreshContext(context), graph)) : [];
        foreach (var run in runs)
            run.Retention = For((TrainSettings)run.Settings, read.GetValueOrDefault(run.Id, []));
        return planned.Where(p => p.Entry.Status != PlanEntry.Cached).Select(p => DroppedRead(context, p.Instance))
            .FirstOrDefault(e => e is not null);
    }

    public static RunRetention For(TrainSettings run, IEnumerable<long> read) =>
        new(run.Train.KeepOptimizer, run.Train.KeepCheckpoints == CheckpointRetention.Read ? [.. read.Distinct().Order()] : null);

    /// <summary>Training run id to the checkpoint steps that the instances given load from it.</summary>
    public static Dictionary<string, List<long>> CheckpointsRead(IEnumerable<StepInstance> instances)
    {
        var read = new Dictionary<string, List<long>>();
        foreach (var (run, step) in instances.SelectMany(Reads))
        {
            if (!read.TryGetValue(run.Id, out var steps))
                read[run.Id] = steps = [];
            steps.Add(step);
        }
        return read;
    }

    /// <summary>The training runs an instance loads checkpoints of, with the steps (a run's last when unnamed).</summary>
    static IEnumerable<(StepInstance Run, long Step)> Reads(StepInstance instance)
    {
        if (instance.Settings is not IReadsCheckpoints reader)
            yield break;
        foreach (var read in reader.CheckpointsRead())
        {
            if (instance.Inputs.GetValueOrDefault(read.Input) is ArtifactInput { Source: { Settings: TrainSettings train } run })
                yield return (run, read.Step ?? train.Train.Steps);
        }
    }

    static string? DroppedRead(BuildContext context, StepInstance instance)
    {
        foreach (var (run, step) in Reads(instance))
        {
            var model = RunLayout.CheckpointFile(step, RunLayout.ModelFile);
            if (run.Manifest is not { } manifest || !manifest.IsDropped(model))
                continue;
            var experiment = Path.GetRelativePath(Environment.CurrentDirectory, Paths.ExperimentFile(context.Args.Experiment, context.Paths.Root));
            return $"{instance.Id} loads checkpoint step {step} of {run.Id} ({run.Folder}), which that run dropped when it finished " +
                "because the experiment that ran it kept only the checkpoints it reads (train.keep_checkpoints: read). Nothing was " +
                $"retrained. To get it back, set train.keep_checkpoints: all in {experiment} and retrain that run alone: " +
                $"dotnet run --project build -- --experiment={experiment} --target={run.Task} --force={run.Task}. On the CPU it comes out " +
                "byte-identical, so nothing built from it reruns; then run again as before.";
        }
        return null;
    }
}
