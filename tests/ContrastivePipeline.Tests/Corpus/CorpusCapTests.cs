using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tests.Corpus;

public sealed class CorpusCapTests
{
    static Source File(string name, int documents, int words) =>
        new(name, Enumerable.Range(0, documents).Select(d => string.Join(" ", Enumerable.Repeat($"{name}{d}", words))).ToList());

    static readonly List<Source> Sources = [File("stories", 400, 50), File("news", 100, 200), File("talk", 1000, 10)];

    static long Words(Source source) => source.Documents.Sum(d => (long)Documents.Words(d));

    [Fact]
    public void Cap_KeepsTheSameShareOfEveryFile_InFileOrder()
    {
        var capped = CorpusCap.Apply(Sources, maxWords: 25_000, seed: 42);

        Assert.Equal(Sources.Select(s => s.Name), capped.Select(s => s.Name));
        foreach (var (source, kept) in Sources.Zip(capped))
        {
            // Each file keeps half its words (25,000 of 50,000), give or take its last document.
            Assert.InRange(Words(kept), Words(source) / 2, Words(source) / 2 + Words(source) / source.Documents.Count);
            Assert.Equal(source.Documents.Where(kept.Documents.Contains), kept.Documents);
        }
    }

    [Fact]
    public void Cap_IsSeeded()
    {
        Assert.Equal(CorpusCap.Apply(Sources, 25_000, 42).SelectMany(s => s.Documents), CorpusCap.Apply(Sources, 25_000, 42).SelectMany(s => s.Documents));
        Assert.NotEqual(CorpusCap.Apply(Sources, 25_000, 42).SelectMany(s => s.Documents), CorpusCap.Apply(Sources, 25_000, 7).SelectMany(s => s.Documents));
    }

    [Fact]
    public void NoCap_OrACapAboveTheCorpus_KeepsEverything()
    {
        Assert.Same(Sources, CorpusCap.Apply(Sources, maxWords: null, seed: 42));
        Assert.Same(Sources, CorpusCap.Apply(Sources, maxWords: 1_000_000, seed: 42));
    }
}
