using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;

namespace ContrastivePipeline.Build.Planning;

/// <summary>
/// Decides for every step instance whether it runs or is reused, and why, before anything runs. An instance whose
/// inputs still have to run is pending: its key, which hashes their contents, is known only once they are done.
/// </summary>
internal static class Planner
{
    public static List<PlannedStep> Plan(BuildContext context, IReadOnlyList<(string Name, PipelineTask Task)> tasks,
        ISet<string> forced, RunRecord record)
    {
        var plan = new List<PlannedStep>();
        foreach (var (name, task) in tasks)
        {
            context.CurrentTask = name;
            foreach (var instance in task.Plan(context).ToList())
                plan.Add(Decide(context, instance, forced.Contains(name), record));
        }
        return plan;
    }

    static PlannedStep Decide(BuildContext context, StepInstance instance, bool forced, RunRecord record)
    {
        var (parts, last) = (instance.Parts, record.LastParts(instance.Id));
        PlannedStep Entry(string status, string reason, bool replace = false) =>
            new(instance, new(instance.Task, instance.Instance, parts?.Key ?? "", status, reason), replace);
        if (forced)
            return Entry(PlanEntry.Run, $"forced (--force={context.Args.Force})", replace: true);
        if (parts is null)
            return Entry(PlanEntry.Run, Pending(instance, last, record));
        var manifest = context.Reusable(instance.Step, parts.Key, out var changed);
        if (changed is not null)
            return Entry(PlanEntry.Run, changed, replace: true);
        if (manifest is not null)
        {
            instance.Manifest = manifest;
            return Entry(PlanEntry.Cached, $"artifact {Hash.Short(parts.Key)} is complete");
        }
        if (last is null)
            return Entry(PlanEntry.Run, NewInstance);
        var changes = Changes(parts, last, instance, record);
        return Entry(PlanEntry.Run, changes.Count > 0
            ? "changed: " + string.Join("; ", changes)
            : "artifact missing from the store (deleted, or its run never completed)");
    }

    const string NewInstance = "new: no earlier run of this instance in this experiment";

    /// <summary>Why a pending instance is planned: what changed that is known now, or which inputs it waits for.</summary>
    static string Pending(StepInstance instance, KeyParts? last, RunRecord record)
    {
        if (last is null)
            return NewInstance;
        var changes = Changes(instance.KnownParts, last with { Inputs = "" }, instance, record);
        if (changes.Count > 0)
            return "changed: " + string.Join("; ", changes);
        var waits = instance.Inputs.Values.OfType<ArtifactInput>().Where(i => i.Content is null).Select(i => i.Source.Id).Distinct();
        return $"after {string.Join(", ", waits)}: reused if they come out byte-identical";
    }

    /// <summary>
    /// The parts that differ from the last run, said as the settings values ("train.steps 40 -> 50") and the methods
    /// ("MixStep.Run(StepContext)") that changed where the last run recorded them, else as hashes.
    /// </summary>
    static List<string> Changes(KeyParts parts, KeyParts last, StepInstance instance, RunRecord record)
    {
        var settings = record.LastSettings(instance.Id) is { } lastSettings ? SettingsDiff.Describe(lastSettings, instance.SettingsJson) : null;
        var code = parts.Code != last.Code && record.LastCode(last.Code) is { } lastCode ? StepCode.Describe(lastCode, instance.Code.Members) : null;
        return [.. parts.Changes(last, settings, code)];
    }
}
