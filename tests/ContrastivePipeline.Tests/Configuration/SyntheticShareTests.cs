using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Tests.Configuration;

public sealed class SyntheticShareTests
{
    // PAPER.md 5: the actual synthetic fractions of the nominal ratios, int(16 x ratio) / 16.
    public static TheoryData<double, int, double> PaperTable => new()
    {
        { 0.1, 1, 6.25 }, { 0.2, 3, 18.75 }, { 0.3, 4, 25 }, { 0.4, 6, 37.5 }, { 0.5, 8, 50 },
        { 0.6, 9, 56.25 }, { 0.7, 11, 68.75 }, { 0.8, 12, 75 }, { 0.9, 14, 87.5 },
    };

    [Theory]
    [MemberData(nameof(PaperTable))]
    public void FractionOfEveryNominalRatio_IsThePapers(double ratio, int rows, double percent)
    {
        var share = new MixConfig().Share(ratio);
        Assert.Equal((rows, percent), (share.RowsPerDeviceBatch, 100 * share.Fraction));
        // A step of 256 sequences is 16 device batches of 16, each floored on its own.
        Assert.Equal(16 * rows, share.Rows(256));
    }

    [Fact]
    public void PaperStepOf256AtNominal0Point3_Holds64SyntheticSequences_Not76()
    {
        var settings = new TrainSettings(new ModelConfig(), new TrainConfig { BatchSize = 256, MicroBatch = 16 }, 42, new MixConfig().Share(0.3));
        Assert.Equal(64, settings.SyntheticRows);
    }

    [Fact]
    public void Rows_AreFlooredAsPythonInt_WithNoRoundingSlack()
    {
        // 100 x 0.29 is 28.999999999999996 in IEEE doubles; Python's int() gives 28, and so must we.
        Assert.Equal(28, new SyntheticShare(0.29, 100).RowsPerDeviceBatch);
    }

    [Fact]
    public void BatchThatIsNotWholeDeviceBatches_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SyntheticShare(0.3, 16).Rows(24));
        Assert.NotNull(new SyntheticShare(0.3, 16).Problem(24));
    }
}
