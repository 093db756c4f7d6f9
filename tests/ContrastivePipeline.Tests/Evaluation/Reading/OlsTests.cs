using ContrastivePipeline.Evaluation.Reading;

namespace ContrastivePipeline.Tests.Evaluation.Reading;

public sealed class OlsTests
{
    static double RSquared(IReadOnlyList<double[]> predictors, double[] y) => Ols.Nested(predictors, [], y).Base;

    // Three rows of the 8×8 Hadamard matrix: mutually orthogonal, each with mean 0 and squared norm 8.
    internal static readonly double[] H1 = [1, -1, 1, -1, 1, -1, 1, -1];
    internal static readonly double[] H2 = [1, 1, -1, -1, 1, 1, -1, -1];
    internal static readonly double[] H3 = [1, -1, -1, 1, 1, -1, -1, 1];

    // y = 5 + 2·h1 + 3·h2 + 1·h3: total sum of squares 8·(4 + 9 + 1) = 112, of which h1 explains 32 and h2 72.
    static readonly double[] Y = H1.Select((_, i) => 5 + 2 * H1[i] + 3 * H2[i] + H3[i]).ToArray();

    [Fact]
    public void OrthogonalPredictors_ExplainExactlyTheirShareOfVariance()
    {
        Assert.Equal(32.0 / 112, RSquared([H1], Y), 12);
        Assert.Equal(104.0 / 112, RSquared([H1, H2], Y), 12);
        Assert.Equal(1.0, RSquared([H1, H2, H3], Y), 12);
    }

    [Fact]
    public void NormalizedGain_OfTheAddedPredictor_IsItsShareOfTheVarianceTheBaselineLeft()
    {
        // (104 − 32)/(112 − 32) = 72/80: h2 explains 90% of what h1 left unexplained.
        var gain = ReadingRegression.NormalizedGain(RSquared([H1], Y), RSquared([H1, H2], Y));
        Assert.Equal(90.0, gain, 10);
    }

    [Fact]
    public void NestedFit_GivesTheSameR2AsTwoSeparateFits()
    {
        var (r2Base, r2Model) = Ols.Nested([H1], [H2], Y);
        Assert.Equal(32.0 / 112, r2Base, 12);
        Assert.Equal(104.0 / 112, r2Model, 12);
    }

    [Fact]
    public void SimpleRegression_EqualsTheSquaredCorrelation()
    {
        // x̄ = 2.5, ȳ = 2.75, Sxy = 5.5, Sxx = 5, Syy = 8.75: R² = 5.5²/(5 · 8.75) = 30.25/43.75.
        Assert.Equal(30.25 / 43.75, RSquared([[1, 2, 3, 4]], [1, 3, 2, 5]), 12);
    }

    [Fact]
    public void ColumnsThatAreCombinationsOfOthers_AddNothing()
    {
        var combination = H1.Select((h, i) => 2 * h - H2[i] + 7).ToArray();
        Assert.Equal(104.0 / 112, RSquared([H1, H2, combination, Enumerable.Repeat(3.0, 8).ToArray()], Y), 12);
    }

    [Fact]
    public void PairwiseInteractions_FollowTheMainEffects_InFormulaOrder()
    {
        double[] a = [1, 2], b = [3, 4], c = [5, 6];
        var columns = Ols.WithPairwiseInteractions([a, b, c]);
        Assert.Equal([a, b, c, [3, 8], [5, 12], [15, 24]], columns);
    }
}
