using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tests.Corpus;

public sealed class CorpusSplitTests
{
    static readonly Source Source = new("s", Enumerable.Range(0, 1000).Select(i => $"document {i}").ToList());

    [Fact]
    public void Split_IsDeterministicForASeed_AndDiffersForAnother()
    {
        var a = CorpusSplit.Of(Source, 42, 0.05, 0.02);
        var b = CorpusSplit.Of(Source, 42, 0.05, 0.02);
        var c = CorpusSplit.Of(Source, 43, 0.05, 0.02);
        Assert.Equal(a.SeedPool, b.SeedPool);
        Assert.Equal(a.Heldout, b.Heldout);
        Assert.NotEqual(a.SeedPool, c.SeedPool);
    }

    [Fact]
    public void Split_IsDisjoint_CoversEveryDocument_WithTheRequestedShares()
    {
        var split = CorpusSplit.Of(Source, 7, 0.05, 0.02);
        Assert.Equal(50, split.SeedPool.Count);
        Assert.Equal(20, split.Heldout.Count);
        Assert.Empty(split.Train.Intersect(split.SeedPool));
        Assert.Empty(split.Train.Intersect(split.Heldout));
        Assert.Empty(split.SeedPool.Intersect(split.Heldout));
        Assert.Equal(Source.Documents.Order(), split.Train.Concat(split.SeedPool).Concat(split.Heldout).Order());
    }
}
