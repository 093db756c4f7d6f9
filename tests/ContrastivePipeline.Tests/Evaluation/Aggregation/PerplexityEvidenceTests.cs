using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Tests.Evaluation.Aggregation;

public sealed class PerplexityEvidenceTests
{
    [Fact]
    public void Draw_IndexesEachStratumFromItsOwnFirstBlock()
    {
        var evidence = new PerplexityEvidence([1.0, 2.0, 3.0, 4.0, 5.0], strata: [3, 2]);

        Assert.Equal([3, 2], evidence.Strata);
        Assert.Equal(Math.Exp(3.0), evidence.Score());
        // Stratum 0 draws blocks 0, 0, 2; stratum 1 draws its block 1 (block 4 of the whole) twice.
        Assert.Equal(Math.Exp((1.0 + 1.0 + 3.0 + 5.0 + 5.0) / 5), evidence.Score([[0, 0, 2], [1, 1]]), 12);
    }

    [Fact]
    public void Strata_ThatDoNotCoverTheBlocks_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new PerplexityEvidence([1.0, 2.0], strata: [3]));
}
