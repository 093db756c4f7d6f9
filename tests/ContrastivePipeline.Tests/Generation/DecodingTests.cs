using ContrastivePipeline.Configuration;
using ContrastivePipeline.Generation;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Generation;

[Collection(TorchCollection.Name)]
public sealed class DecodingTests
{
    static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(x => Math.Exp(x - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(x => x / sum)];
    }

    [Fact]
    public void EveryStrategy_HasItsOwnDecodingClass_WhichReadsABadExactlyWhenTheStrategyContrasts()
    {
        Assert.Equal(["ancestral", "contrastive", "head-only"], DecodingStrategy.All.Select(s => s.Name));
        var decodings = DecodingStrategy.All.Select(s => Decoding.For(s, new GenerateConfig())).ToList();
        Assert.Equal(decodings.Count, decodings.Select(d => d.GetType()).Distinct().Count());
        using var good = randn(2, 7);
        foreach (var (strategy, decoding) in DecodingStrategy.All.Zip(decodings))
        {
            if (strategy.Contrast)
                Assert.Throws<ArgumentNullException>(() => decoding.Scores(good, null));
            else
                decoding.Scores(good, null).Scores.Dispose();
        }
    }

    [Fact]
    public void ContrastiveScores_EqualADirectComputationFromBothModelsLogProbs()
    {
        const double temperature = 0.7, alpha = 0.1, lambda = 0.6, penalty = -20;
        manual_seed(1);
        using var good = randn(3, 50) * 3;
        using var bad = randn(3, 50) * 3;

        var (scores, head) = new ContrastiveDecoding(temperature, alpha, lambda, penalty).Scores(good, bad);

        for (var r = 0; r < 3; r++)
        {
            var pGood = Softmax([.. good[r].data<float>().Select(x => x / temperature)]);
            var pBad = Softmax([.. bad[r].data<float>().Select(x => x / temperature)]);
            for (var x = 0; x < 50; x++)
            {
                var inHead = pGood[x] > alpha * pGood.Max();
                var expected = inHead ? Math.Log(pGood[x] + 1e-10) - lambda * Math.Log(pBad[x] + 1e-10) : penalty;
                Assert.Equal(inHead, head![r, x].item<bool>());
                Assert.Equal(expected, scores[r, x].item<float>(), 1e-4);
            }
        }
        Assert.InRange(head!.sum().item<long>(), 4, 140); // the head is neither everything nor one token
    }

    [Fact]
    public void HeadOnlyScores_AreGoodLogProbsOnTheHead_AndThePenaltyElsewhere()
    {
        manual_seed(2);
        using var good = randn(2, 30) * 3;

        var (scores, head) = new HeadOnlyDecoding(1.0, 0.1, double.NegativeInfinity).Scores(good, null);

        using var logp = (good.softmax(-1) + 1e-10).log();
        Assert.True(scores.masked_select(head!).allclose(logp.masked_select(head!)));
        Assert.True(scores.masked_select(head!.logical_not()).eq(double.NegativeInfinity).all().item<bool>());
    }

    [Fact]
    public void TokensOutsideTheHead_AreSampledAtTheRateThePenaltyImplies()
    {
        // 5 plausible tokens and 45 implausible ones; penalty -3 makes the tail mass large enough to count:
        // q = 45 e^-3 / (sum_head e^score + 45 e^-3). N = 40,000 rows with their own streams; tolerance 4 sigma.
        const int rows = 40_000, vocab = 50;
        const double penalty = -3;
        float[] goodRow = [.. Enumerable.Range(0, vocab).Select(i => i < 5 ? 4f + i * 0.1f : -4f)];
        float[] badRow = [.. Enumerable.Range(0, vocab).Select(i => i % 3 * 0.5f)];
        using var good = tensor(goodRow, [1, vocab]).expand(rows, vocab);
        using var bad = tensor(badRow, [1, vocab]).expand(rows, vocab);
        var (scores, head) = new ContrastiveDecoding(1.0, 0.1, 1.0, penalty).Scores(good, bad);
        var row = scores[0].to(ScalarType.Float64).data<double>().ToArray();
        var inHead = head![0].data<bool>().ToArray();
        var headMass = row.Where((_, i) => inHead[i]).Sum(Math.Exp);
        var tailMass = row.Where((_, i) => !inHead[i]).Sum(Math.Exp);
        var q = tailMass / (headMass + tailMass);
        using var uniforms = tensor(Enumerable.Range(0, rows).Select(i => RowStream.Uniforms(7, i, 0, 1)[0]).ToArray());

        var tokens = Sampler.Sample(scores, uniforms);

        var observed = head.gather(-1, tokens.unsqueeze(1)).logical_not().sum().item<long>() / (double)rows;
        var sigma = Math.Sqrt(q * (1 - q) / rows);
        Assert.Equal(5, inHead.Count(x => x));
        Assert.InRange(q, 0.01, 0.5);
        Assert.InRange(observed, q - 4 * sigma, q + 4 * sigma);
    }

    [Fact]
    public void TopP_KeepsThePrefixUpToP_AndTheTokenThatCrossesIt()
    {
        // probabilities 0.5, 0.3, 0.15, 0.05 in shuffled order
        using var scores = tensor(new[] { 0.15, 0.5, 0.05, 0.3 }.Select(p => (float)Math.Log(p)).ToArray(), [1, 4]);

        var kept = new Truncation(null, 0.7, -20).Apply(scores)[0].data<float>().ToArray();
        var topK = new Truncation(2, null, -20).Apply(scores)[0].data<float>().ToArray();

        Assert.Equal([false, true, false, true], kept.Select(s => s > -20).ToArray()); // 0.5 <= 0.7, then 0.3 crosses
        Assert.Equal([false, true, false, true], topK.Select(s => s > -20).ToArray());
    }

    [Fact]
    public void Sampler_DrawsByInverseCdf()
    {
        using var scores = tensor(new[] { 0.2, 0.5, 0.3 }.Select(p => (float)Math.Log(p)).ToArray(), [1, 3]).expand(4, 3);
        using var uniforms = tensor(new[] { 0.0, 0.19, 0.21, 0.99 });

        var tokens = Sampler.Sample(scores, uniforms).data<long>().ToArray();

        Assert.Equal([0L, 0, 1, 2], tokens);
    }
}
