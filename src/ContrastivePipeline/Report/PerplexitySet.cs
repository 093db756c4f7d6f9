using ContrastivePipeline.Evaluation;

namespace ContrastivePipeline.Report;

/// <summary>What held-out text perplexity was measured on: the files, their blocks in the split and those scored.</summary>
/// <param name="Tokens">Tokens predicted in the scored blocks.</param>
internal sealed record PerplexitySet(IReadOnlyList<PerplexitySample.Stratum> Files, int Blocks, int SplitBlocks, long Tokens)
{
    public static PerplexitySet Of(PerplexityFile file) => new(file.Strata, file.Blocks.Length, file.Strata.Sum(s => s.SplitBlocks), file.Tokens);

    public bool IsWhole => Blocks == SplitBlocks;
}
