using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Decides for every step instance whether it runs or is reused, and why, before anything runs.</summary>
internal static class Planner
{
    public static List<(StepInstance Instance, PlanEntry Entry)> Plan(BuildContext context,
        IReadOnlyList<(string Name, PipelineTask Task)> tasks, ISet<string> forced, RunRecord record)
    {
        var plan = new List<(StepInstance, PlanEntry)>();
        foreach (var (name, task) in tasks)
        {
            context.CurrentTask = name;
            foreach (var instance in task.Plan(context).ToList())
                plan.Add((instance, Decide(context, instance, forced.Contains(name), record.LastParts(instance.Id))));
        }
        return plan;
    }

    static PlanEntry Decide(BuildContext context, StepInstance instance, bool forced, KeyParts? last)
    {
        PlanEntry Entry(string status, string reason) => new(instance.Task, instance.Instance, instance.Key, status, reason);
        var manifest = context.Store.TryGet(instance.Step, instance.Key);
        if (forced)
            return Entry(PlanEntry.Run, $"forced (--force={context.Args.Force})");
        if (manifest is not null)
        {
            var changed = context.Args.Verify ? context.Store.Verify(manifest) : [];
            return changed.Count == 0
                ? Entry(PlanEntry.Cached, $"artifact {Hash.Short(instance.Key)} is complete")
                : Entry(PlanEntry.Run, $"--verify: output files changed: {string.Join(", ", changed)}");
        }
        if (last is null)
            return Entry(PlanEntry.Run, "new: no earlier run of this instance in this experiment");
        var changes = instance.Parts.Changes(last).ToList();
        return Entry(PlanEntry.Run, changes.Count > 0
            ? "changed: " + string.Join("; ", changes)
            : "artifact missing from the store (deleted, or its run never completed)");
    }
}
