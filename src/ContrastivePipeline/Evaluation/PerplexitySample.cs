using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Which held-out blocks a checkpoint's perplexity is measured on: every block (the paper's rule), or a sample of
/// <c>evaluate.perplexity_blocks</c> drawn per source file in proportion to its blocks (at least one each), seeded, so
/// every genre is represented and every model of an experiment scores the same blocks.
/// </summary>
/// <param name="Blocks">Block indices in ascending order: each stratum's blocks lie together.</param>
/// <param name="Strata">Per source file: its blocks in the split and those sampled (summing to the length of <see cref="Blocks"/>).</param>
internal sealed record PerplexitySample(int[] Blocks, IReadOnlyList<PerplexitySample.Stratum> Strata)
{
    internal sealed record Stratum(string Source, int SplitBlocks, int Blocks);

    public static PerplexitySample Draw(IReadOnlyList<PerplexityStratum> strata, int? requested, int seed)
    {
        var total = strata.Sum(s => s.Blocks);
        var sizes = requested is { } n && n < total ? Allocate(strata.Select(s => s.Blocks).ToArray(), n) : strata.Select(s => s.Blocks).ToArray();
        var random = new Random(seed);
        List<int> blocks = [];
        for (var k = 0; k < strata.Count; k++)
        {
            var all = Enumerable.Range(strata[k].FirstBlock, strata[k].Blocks).ToArray();
            if (sizes[k] < all.Length)
                random.Shuffle(all);
            blocks.AddRange(all.Take(sizes[k]).Order());
        }
        return new([.. blocks], strata.Select((s, k) => new Stratum(s.Source, s.Blocks, sizes[k])).ToList());
    }

    /// <summary>Proportional allocation by largest remainder, at least one block for every file that has one.</summary>
    static int[] Allocate(int[] blocks, int requested)
    {
        var total = blocks.Sum();
        var exact = blocks.Select(b => (double)requested * b / total).ToArray();
        var sizes = exact.Select((e, k) => Math.Min(blocks[k], Math.Max(blocks[k] > 0 ? 1 : 0, (int)Math.Floor(e)))).ToArray();
        foreach (var k in Enumerable.Range(0, blocks.Length).OrderByDescending(k => exact[k] - Math.Floor(exact[k])).ThenBy(k => k))
        {
            if (sizes.Sum() >= requested)
                break;
            if (sizes[k] < blocks[k])
                sizes[k]++;
        }
        return sizes;
    }
}
