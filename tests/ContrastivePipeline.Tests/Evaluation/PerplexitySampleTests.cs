using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class PerplexitySampleTests
{
    // Six files of very different sizes, as data/corpora/dev: the first file alone is more than the first 256 blocks.
    static readonly List<PerplexityStratum> Strata = Files(("childes", 2600), ("switchboard", 100), ("gutenberg", 1300),
        ("news", 360), ("tinystories", 1500), ("wikipedia", 420));

    static List<PerplexityStratum> Files(params (string Name, int Blocks)[] files) =>
        files.Select((f, k) => new PerplexityStratum(f.Name, files.Take(k).Sum(g => g.Blocks), f.Blocks, f.Blocks * 128L)).ToList();

    [Fact]
    public void Default_ScoresEveryBlockOfTheSplit()
    {
        var sample = PerplexitySample.Draw(Strata, requested: null, seed: 42);

        Assert.Equal(Enumerable.Range(0, Strata.Sum(s => s.Blocks)), sample.Blocks);
        Assert.All(sample.Strata, s => Assert.Equal(s.SplitBlocks, s.Blocks));
    }

    [Fact]
    public void Sample_TouchesEveryFile_InProportionToItsBlocks()
    {
        var sample = PerplexitySample.Draw(Strata, requested: 256, seed: 42);

        Assert.Equal(256, sample.Blocks.Length);
        Assert.Equal(256, sample.Blocks.Distinct().Count());
        var total = Strata.Sum(s => s.Blocks);
        foreach (var (stratum, drawn) in Strata.Zip(sample.Strata))
        {
            var inFile = sample.Blocks.Count(b => b >= stratum.FirstBlock && b < stratum.FirstBlock + stratum.Blocks);
            Assert.Equal(drawn.Blocks, inFile);
            Assert.InRange(inFile, Math.Max(1, (int)Math.Floor(256.0 * stratum.Blocks / total)), (int)Math.Ceiling(256.0 * stratum.Blocks / total));
        }
        Assert.Equal(sample.Blocks.Order(), sample.Blocks);
    }

    [Fact]
    public void Sample_IsTheSameForTheSameSeed_AndAnotherForAnother()
    {
        Assert.Equal(PerplexitySample.Draw(Strata, 256, 42).Blocks, PerplexitySample.Draw(Strata, 256, 42).Blocks);
        Assert.NotEqual(PerplexitySample.Draw(Strata, 256, 42).Blocks, PerplexitySample.Draw(Strata, 256, 43).Blocks);
    }

    [Fact]
    public void Sample_SmallerThanTheFiles_StillTakesOneBlockOfEach()
    {
        var sample = PerplexitySample.Draw(Strata, requested: 3, seed: 1);

        Assert.All(sample.Strata, s => Assert.Equal(1, s.Blocks));
    }

    [Fact]
    public void Sample_AsLargeAsTheSplit_IsTheWholeSplit()
    {
        var total = Strata.Sum(s => s.Blocks);

        Assert.Equal(Enumerable.Range(0, total), PerplexitySample.Draw(Strata, requested: total + 5, seed: 3).Blocks);
    }
}
