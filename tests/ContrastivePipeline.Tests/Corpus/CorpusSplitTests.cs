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

    [Fact]
    public void FilesTooSmallForAShare_AreSplitTogether_AndAnAddedFileMovesAtMostTheDocumentsItDisplaces()
    {
        List<Source> files = [.. Enumerable.Range(0, 2000).Select(i => new Source($"story_{i}", [$"story {i}"]))];
        var splits = CorpusSplit.Of(files, 42, 0.05, 0.02);
        Assert.Equal(100, splits.Sum(s => s.SeedPool.Count));
        Assert.Equal(40, splits.Sum(s => s.Heldout.Count));
        Assert.Equal(splits, CorpusSplit.Of(files, 42, 0.05, 0.02), SplitComparer);

        var more = CorpusSplit.Of([.. files, new Source("story_new", ["a new story"])], 42, 0.05, 0.02);
        Assert.InRange(splits.Zip(more).Count(p => !SplitComparer.Equals(p.First, p.Second)), 0, 2);
        // A source large enough for shares of its own keeps its own split beside them.
        Assert.Equal(CorpusSplit.Of(Source, 42, 0.05, 0.02), CorpusSplit.Of([Source, .. files], 42, 0.05, 0.02)[0], SplitComparer);
    }

    static readonly IEqualityComparer<CorpusSplit> SplitComparer = EqualityComparer<CorpusSplit>.Create(
        (a, b) => a!.Train.SequenceEqual(b!.Train) && a.SeedPool.SequenceEqual(b.SeedPool) && a.Heldout.SequenceEqual(b.Heldout));
}
