namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>
/// Mean cross-entropy (nats/token) of each test block; perplexity = exp(mean over blocks), lower is better. Blocks are
/// resampled within their source file (the strata, in block order), so a replicate keeps the genres' proportions.
/// </summary>
internal sealed class PerplexityEvidence : TaskEvidence
{
    readonly double[] blockLosses;
    readonly int[] offsets;

    /// <param name="strata">Blocks per source file, in the order of <paramref name="blockLosses"/>; none: one stratum.</param>
    public PerplexityEvidence(double[] blockLosses, IReadOnlyList<int>? strata = null) : base(TaskNames.Perplexity)
    {
        this.blockLosses = blockLosses;
        Strata = strata is { Count: > 0 } ? strata : [blockLosses.Length];
        if (Strata.Sum() != blockLosses.Length)
            throw new ArgumentException($"strata [{string.Join(',', Strata)}] do not cover the {blockLosses.Length} blocks");
        offsets = [.. Strata.Select((_, s) => Strata.Take(s).Sum())];
    }

    public override bool HigherIsBetter => false;

    public override IReadOnlyList<int> Strata { get; }

    public override double Score() => Math.Exp(blockLosses.Average());

    public override double Score(IReadOnlyList<int[]> draw) =>
        Math.Exp(draw.SelectMany((d, s) => d.Select(i => blockLosses[offsets[s] + i])).Average());
}
