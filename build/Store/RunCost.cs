using System.Globalization;
using System.Text;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// What an experiment's instances cost, read back from their logs (each attempt's <see cref="StepCost"/> line): the
/// cost columns of Status and the run folder's <c>cost.md</c>/<c>cost.json</c> (per instance, per arm, total). Costs
/// are logs: never in the store, never in a key; a shared artifact (Corpus, GOOD, a synthetic corpus) counts once.
/// </summary>
internal static class RunCost
{
    public const string MarkdownFile = "cost.md", JsonFile = "cost.json";

    /// <summary>An instance's measured attempts (pending instances have no key, hence no log yet).</summary>
    public static InstanceCost Of(Paths paths, StepInstance instance)
    {
        if (instance.Parts is null)
            return new(instance.Task, instance.Instance, instance.Arm?.Name, null, StepCost.None, 0, 0);
        var (total, measured, unmeasured) = StepCost.InLog(paths.Log(instance.Step, instance.Key));
        return new(instance.Task, instance.Instance, instance.Arm?.Name, $"{instance.Step}-{instance.Key}", total, measured, unmeasured);
    }

    /// <summary>
    /// The instances of a plan, in its order, each artifact once: an instance whose artifact an earlier one already is
    /// (seed 43's baseline run is GOOD's) is left out, so no compute is counted twice.
    /// </summary>
    public static List<InstanceCost> Of(Paths paths, IEnumerable<StepInstance> plan) =>
        [.. plan.Select(i => Of(paths, i)).DistinctBy(c => c.Artifact ?? $"{c.Task}/{c.Instance}")];

    /// <summary>
    /// The campaign's total over several runs' cost.json (Compare), each artifact once: experiments that share
    /// artifacts (a sweep and the run it extends) made them once. Null when no run has a cost.json.
    /// </summary>
    public static string? Campaign(IEnumerable<string> runFolders)
    {
        var files = runFolders.Select(f => Path.Combine(f, JsonFile)).Where(File.Exists).ToList();
        if (files.Count == 0)
            return null;
        var instances = files.SelectMany(f => Json.Read<CostFile>(f).Instances).DistinctBy(c => c.Artifact ?? $"{c.Task}/{c.Instance}").ToList();
        return $"campaign ({files.Count} run(s) with a {JsonFile}) " + Total(instances);
    }

    sealed record CostFile(List<InstanceCost> Instances);

    /// <summary>Writes cost.md and cost.json into the run folder; returns the one-line total the host prints.</summary>
    public static string Write(string runFolder, IReadOnlyList<InstanceCost> instances)
    {
        RunRecord.Publish(Path.Combine(runFolder, MarkdownFile), tmp => File.WriteAllText(tmp, Markdown(instances)));
        Json.Write(Path.Combine(runFolder, JsonFile), new
        {
            Total = Sum(instances),
            Arms = Arms(instances).Select(a => new { Arm = a.Key, Cost = a.Value }),
            Instances = instances,
        });
        return Total(instances);
    }

    public static string Total(IReadOnlyList<InstanceCost> instances)
    {
        var total = Sum(instances);
        var unmeasured = instances.Sum(i => i.Unmeasured);
        var killed = unmeasured > 0 ? $"; {unmeasured} attempt(s) ended without a cost line (killed)" : "";
        return $"cost: {Hours(total.CpuSeconds)} CPU-hours, {Hours(total.WallSeconds)} hours of step wall time over " +
            $"{instances.Sum(i => i.Measured)} measured attempt(s){killed}";
    }

    /// <summary>Each arm's final runs and their scorings; everything else (corpus, GOOD, BAD, synthetic corpora, report) is shared.</summary>
    static SortedDictionary<string, StepCost> Arms(IEnumerable<InstanceCost> instances)
    {
        var arms = new SortedDictionary<string, StepCost>(StringComparer.Ordinal);
        foreach (var group in instances.GroupBy(i => i.Arm ?? Shared))
            arms[group.Key] = Sum(group);
        return arms;
    }

    const string Shared = "(shared)";

    static StepCost Sum(IEnumerable<InstanceCost> instances) => instances.Aggregate(StepCost.None, (sum, i) => sum.Plus(i.Cost));

    static string Markdown(IReadOnlyList<InstanceCost> instances)
    {
        var s = new StringBuilder("# Cost\n\n");
        s.Append("What each instance's step processes cost, summed over their attempts, read from their logs (`cost:` lines): " +
            "wall time, CPU time of all threads, peak resident memory. An artifact reused from an earlier run counts what " +
            "it cost when it was made; an artifact several instances share (seed 43's baseline is GOOD's run) counts once, under the first.\n\n");
        s.Append("| arm | CPU-hours | wall hours |\n|---|---:|---:|\n");
        foreach (var (arm, cost) in Arms(instances))
            s.Append(CultureInfo.InvariantCulture, $"| {arm} | {Hours(cost.CpuSeconds)} | {Hours(cost.WallSeconds)} |\n");
        var total = Sum(instances);
        s.Append(CultureInfo.InvariantCulture, $"| **total** | {Hours(total.CpuSeconds)} | {Hours(total.WallSeconds)} |\n\n");
        s.Append("| instance | attempts | wall | CPU | cores busy | max RSS |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var i in instances)
        {
            var attempts = i.Unmeasured > 0 ? $"{i.Measured} (+{i.Unmeasured} killed)" : $"{i.Measured}";
            s.Append(CultureInfo.InvariantCulture,
                $"| {i.Task}/{i.Instance} | {attempts} | {Duration(i.Cost.WallSeconds)} | {Duration(i.Cost.CpuSeconds)} | {i.Cost.Cores:F2} | {StoreVerbs.Bytes(i.Cost.MaxRssBytes)} |\n");
        }
        return s.ToString();
    }

    static string Hours(double seconds) => (seconds / 3600).ToString("F3", CultureInfo.InvariantCulture);

    public static string Duration(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// One instance's measured cost: <paramref name="Arm"/> is null for what the arms share; <paramref name="Artifact"/>
/// (<c>step-key</c>, null while pending) names what it made, so the same artifact is never counted twice.
/// </summary>
internal sealed record InstanceCost(string Task, string Instance, string? Arm, string? Artifact, StepCost Cost, int Measured, int Unmeasured);
