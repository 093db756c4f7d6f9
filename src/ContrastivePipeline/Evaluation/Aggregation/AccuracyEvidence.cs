namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>Per-item credits of one accuracy task; the score is the macro-average over groups, in percent.</summary>
/// <remarks>Groups are in ordinal order and items in ordinal order of their item id, so every model lines up.</remarks>
internal sealed class AccuracyEvidence : TaskEvidence
{
    readonly double[][] credits;

    public AccuracyEvidence(string task, IEnumerable<ItemResult> results) : base(task)
    {
        var groups = results.Where(r => r.Task == task).GroupBy(r => r.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
            throw new ArgumentException($"no results for task {task}");
        Groups = groups.Select(g => g.Key).ToList();
        credits = groups.Select(g => g.OrderBy(r => r.Item, StringComparer.Ordinal).Select(r => r.Correct).ToArray()).ToArray();
        Strata = credits.Select(c => c.Length).ToList();
    }

    public IReadOnlyList<string> Groups { get; }

    public override IReadOnlyList<int> Strata { get; }

    public override double Score() => 100 * credits.Average(c => c.Average());

    public override double Score(IReadOnlyList<int[]> draw) =>
        100 * credits.Select((c, g) => draw[g].Average(i => c[i])).Average();
}
