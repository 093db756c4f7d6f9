namespace ContrastivePipeline.Evaluation;

/// <summary>perplexity.json of one checkpoint: the mean loss (nats/token) of each scored held-out block.</summary>
/// <param name="Blocks">Which blocks of the held-out shard, in the order of <see cref="BlockLosses"/>.</param>
/// <param name="Strata">Per source file: its blocks in the split and how many of them were scored, in block order.</param>
/// <param name="Tokens">Tokens predicted in the scored blocks (pads and each block's first token excluded).</param>
internal sealed record PerplexityFile(double[] BlockLosses, int[] Blocks, IReadOnlyList<PerplexitySample.Stratum> Strata, long Tokens)
{
    public const string FileName = "perplexity.json";

    public double Perplexity => Math.Exp(BlockLosses.Average());

    /// <summary>The scored blocks per stratum, the units the paired bootstrap resamples within.</summary>
    public IReadOnlyList<int> StrataSizes => Strata.Select(s => s.Blocks).Where(b => b > 0).ToList();
}
