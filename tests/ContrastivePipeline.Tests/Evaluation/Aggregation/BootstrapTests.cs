using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Tests.Evaluation.Aggregation;

public sealed class BootstrapTests
{
    static ItemResult Item(string group, int index, double correct) =>
        new(TaskNames.Blimp, group, $"{group}:{index:D3}", 0, [0, 0], 0, [], correct);

    /// <summary>Three unbalanced groups with a known pattern of right and wrong items.</summary>
    static AccuracyEvidence Evidence(Func<string, int, double> correct) =>
        new(TaskNames.Blimp, new[] { ("a", 5), ("b", 12), ("c", 30) }
            .SelectMany(g => Enumerable.Range(0, g.Item2).Select(i => Item(g.Item1, i, correct(g.Item1, i)))));

    [Fact]
    public void ResampleSet_IsTheSameForTheSameSeed_DiffersForAnother_AndStaysInRange()
    {
        var a = ResampleSet.Create([5, 12], 50, seed: 42);
        var b = ResampleSet.Create([5, 12], 50, seed: 42);
        var c = ResampleSet.Create([5, 12], 50, seed: 43);

        Assert.All(Enumerable.Range(0, 50), r => Assert.Equal(a.Draw(r), b.Draw(r)));
        Assert.NotEqual(a.Draw(0), c.Draw(0));
        Assert.All(Enumerable.Range(0, 50), r =>
        {
            Assert.Equal([5, 12], a.Draw(r).Select(d => d.Length));
            Assert.All(a.Draw(r)[0], i => Assert.InRange(i, 0, 4));
            Assert.All(a.Draw(r)[1], i => Assert.InRange(i, 0, 11));
        });
    }

    [Fact]
    public void AccuracyReplicate_ResamplesWithinEachGroup_AndMacroAverages()
    {
        var evidence = Evidence((g, i) => g == "b" && i == 0 ? 1 : i % 2);

        // Every group drawn as its first item only: a → 0, b → 1, c → 0.
        var firstOnly = evidence.Strata.Select(n => new int[n]).ToArray();

        Assert.Equal(100.0 / 3, evidence.Score(firstOnly), 12);
        Assert.Equal(100 * (2.0 / 5 + 7.0 / 12 + 15.0 / 30) / 3, evidence.Score(), 12);
        Assert.Equal(["a", "b", "c"], evidence.Groups);
    }

    [Fact]
    public void Arms_AreDeterministicForASeed_AndTheIntervalContainsTheMean()
    {
        CheckpointScore[] runs =
        [
            new("arm", 1, 500, Evidence((g, i) => i % 2)),
            new("arm", 2, 500, Evidence((g, i) => i % 3 == 0 ? 1 : 0)),
        ];

        var first = Aggregate.Arms(runs, CheckpointRule.Best).Single();
        var second = Aggregate.Arms(runs, CheckpointRule.Best).Single();

        Assert.Equal(first.Replicates, second.Replicates);
        Assert.Equal(Aggregate.Replicates, first.Replicates.Length);
        Assert.True(first.Ci.Contains(first.Mean), $"{first.Ci} should contain {first.Mean}");
        Assert.True(first.Ci.High - first.Ci.Low > 1, "resampling 47 items must move the score");
    }

    [Fact]
    public void PValue_IsCountOfNoImprovementPlusOne_OverReplicatesPlusOne()
    {
        Assert.Equal(3.0 / 5, Aggregate.PValue([-1, 0, 2, 3]));
        Assert.Equal(1.0 / 5, Aggregate.PValue([1, 2, 3, 4]));
    }

    [Fact]
    public void ArmEqualToBaseline_HasPValueOne_AndIsNotSignificant_WhileAnArmRightEverywhere_HasTheSmallestPValue()
    {
        var baseline = new CheckpointScore("base", 1, 500, Evidence((g, i) => i % 2));
        var same = new CheckpointScore("same", 1, 500, Evidence((g, i) => i % 2));
        var perfect = new CheckpointScore("perfect", 1, 500, Evidence((_, _) => 1));
        var wrong = new CheckpointScore("wrong", 1, 500, Evidence((_, _) => 0));
        var arms = Aggregate.Arms([baseline, same, perfect, wrong], CheckpointRule.Best).ToDictionary(a => a.Arm);

        var tie = Aggregate.Compare(arms["same"], arms["base"]);
        var better = Aggregate.Compare(arms["perfect"], arms["base"]);
        var worse = Aggregate.Compare(arms["wrong"], arms["base"]);

        Assert.Equal((1.0, 0.0, 0.0, false), (tie.PValue, tie.ImprovementCi.Low, tie.ImprovementCi.High, tie.SignificantlyBetter));
        Assert.Equal(1.0 / (Aggregate.Replicates + 1), better.PValue);
        Assert.True(better.SignificantlyBetter);
        // Significantly worse (its whole interval below 0) is not "significant" in the paper's sense of the star.
        Assert.True(worse.ImprovementCi.High < 0, $"{worse.ImprovementCi}");
        Assert.Equal((1.0, false), (worse.PValue, worse.SignificantlyBetter));
    }

    [Fact]
    public void EvidenceOnOtherItems_CannotBePaired()
    {
        var set = ResampleSet.Create([5, 12, 30], 10);
        var other = new AccuracyEvidence(TaskNames.Blimp, [Item("a", 0, 1)]);
        Assert.Throws<ArgumentException>(() => set.Apply(other));
    }

    [Fact]
    public void Perplexity_IsExpOfTheMeanBlockLoss_AndResamplesBlocks()
    {
        var evidence = new PerplexityEvidence([1.0, 2.0, 3.0]);
        Assert.Equal(Math.Exp(2.0), evidence.Score(), 12);
        Assert.Equal(Math.Exp(1.0), evidence.Score([[0, 0, 0]]), 12);
        Assert.False(evidence.HigherIsBetter);
    }

    [Fact]
    public void Percentile_InterpolatesBetweenOrderStatistics()
    {
        double[] values = [4, 1, 3, 2, 5];
        Assert.Equal(1.1, Interval.Percentile(values, 2.5), 12);
        Assert.Equal(4.9, Interval.Percentile(values, 97.5), 12);
        Assert.Equal(3.0, Interval.Percentile(values, 50), 12);
    }
}
