using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using Spectre.Console;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// <c>--target=Status</c>: every instance of an experiment (the whole graph, whatever the target) with its key, state
/// (complete, partial with its progress, missing), size on disk and age; then totals per task. Nothing runs.
/// </summary>
internal static class StoreStatus
{
    public static int Run(BuildContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var instances = GraphInstances.Plan(context, StoreVerbs.Graph);
        var rows = instances.Select(i => Row(context.Store, i, now)).ToList();
        var costs = instances.Select(i => RunCost.Of(context.Paths, i)).ToList();
        StoreVerbs.Write(["Task", "Instance", "Key", "State", "Size", "Age", "Attempts", "Wall", "CPU", "Cores", "Max RSS"],
            rows.Zip(costs, (r, c) => (IReadOnlyList<string>)[r.Task, r.Instance, r.Key, r.State, StoreVerbs.Bytes(r.Bytes), r.Age,
                .. CostCells(c)]));
        StoreVerbs.Write(["Task", "Instances", "Complete", "Partial", "Missing", "Size"], rows.GroupBy(r => r.Task).Select(g =>
            (IReadOnlyList<string>)[g.Key, $"{g.Count()}", Count(g, "complete"), Count(g, "partial"), Count(g, "missing"),
                StoreVerbs.Bytes(g.Sum(r => r.Bytes))]));
        StoreVerbs.Say($"{context.Experiment.Name}: {rows.Count(r => r.State.StartsWith("complete"))} of {rows.Count} instances " +
            $"complete, {StoreVerbs.Bytes(rows.Sum(r => r.Bytes))} in {context.Store.Root}");
        StoreVerbs.Say(Markup.Escape(RunCost.Total(RunCost.Of(context.Paths, instances))));
        return 0;
    }

    /// <summary>Attempts measured (and killed ones), wall and CPU time summed over them, cores kept busy, peak memory.</summary>
    static IEnumerable<string> CostCells(InstanceCost c) => c.Measured + c.Unmeasured == 0 ? ["", "", "", "", ""] :
    [
        c.Unmeasured > 0 ? $"{c.Measured} (+{c.Unmeasured} killed)" : $"{c.Measured}",
        RunCost.Duration(c.Cost.WallSeconds), RunCost.Duration(c.Cost.CpuSeconds),
        c.Cost.Cores.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), StoreVerbs.Bytes(c.Cost.MaxRssBytes),
    ];

    static string Count(IEnumerable<StatusRow> rows, string state) => $"{rows.Count(r => r.State.StartsWith(state))}";

    public static StatusRow Row(ArtifactStore store, StepInstance instance, DateTimeOffset now)
    {
        StatusRow Of(string key, string state, long bytes = 0, string age = "") => new(instance.Task, instance.Instance, key, state, bytes, age);
        if (instance.Parts is not { } parts)
            return Of("pending", "missing: an input is not complete yet");
        var key = parts.Key;
        if (instance.Manifest is { } manifest)
        {
            var dropped = manifest.Dropped is { Count: > 0 } d ? $" ({d.Count} files dropped)" : "";
            return Of(key[..8], "complete" + dropped, StoreVerbs.Size(store.Folder(instance.Step, key)), StoreVerbs.Age(now - manifest.Ended));
        }
        var partial = store.PartialFolder(instance.Step, key);
        if (!Directory.Exists(partial))
            return Of(key[..8], "missing");
        var files = new DirectoryInfo(partial).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        var written = files.Count == 0 ? Directory.GetLastWriteTimeUtc(partial) : files.Max(f => f.LastWriteTimeUtc);
        var live = LockProbe.IsHeld(store.LockFile(instance.Step, key)) ? "running" : "stopped";
        return Of(key[..8], $"partial ({live}): {Progress(instance, partial, files.Count)}", files.Sum(f => f.Length),
            StoreVerbs.Age(now - written));
    }

    /// <summary>How far a partial folder got: checkpoints of a training run, scored checkpoints of an evaluation, else its files.</summary>
    static string Progress(StepInstance instance, string partial, int files) => instance.Settings switch
    {
        TrainSettings train => $"checkpoint {Steps(Path.Combine(partial, RunLayout.Checkpoints)).DefaultIfEmpty().Max()} of {train.Train.Steps} steps",
        ScoreSettings evaluate => $"{Steps(partial).Count()} of {evaluate.Steps.Count} checkpoints scored",
        _ => $"{files} files written",
    };

    /// <summary>The steps of the complete <c>step_N</c> folders in a folder (a partial one ends in .partial).</summary>
    static IEnumerable<long> Steps(string folder) => !Directory.Exists(folder) ? []
        : Directory.EnumerateDirectories(folder).Select(d => RunLayout.StepOf(Path.GetFileName(d))).OfType<long>();
}
