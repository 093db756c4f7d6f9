using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Tests.Evaluation.Aggregation;

public sealed class AggregateTests
{
    static CheckpointScore Run(string arm, int seed, int step, string task, double value) =>
        new(arm, seed, step, new ConstantEvidence(task, value, task != TaskNames.Perplexity));

    [Fact]
    public void Best_TakesTheMaximum_OrTheMinimumForPerplexity_WhileFinal_TakesTheLastStep()
    {
        CheckpointScore[] accuracy = [Run("a", 1, 500, TaskNames.Blimp, 60), Run("a", 1, 1000, TaskNames.Blimp, 70), Run("a", 1, 1500, TaskNames.Blimp, 65)];
        CheckpointScore[] perplexity = [Run("a", 1, 500, TaskNames.Perplexity, 40), Run("a", 1, 1000, TaskNames.Perplexity, 30), Run("a", 1, 1500, TaskNames.Perplexity, 35)];

        Assert.Equal(1000, Aggregate.Select(accuracy, CheckpointRule.Best).Step);
        Assert.Equal(1000, Aggregate.Select(perplexity, CheckpointRule.Best).Step);
        Assert.Equal(1500, Aggregate.Select(accuracy.Reverse(), CheckpointRule.Final).Step);
    }

    [Fact]
    public void Best_OnEqualScores_KeepsTheEarliestStep()
    {
        CheckpointScore[] runs = [Run("a", 1, 1000, TaskNames.Blimp, 70), Run("a", 1, 500, TaskNames.Blimp, 70)];
        Assert.Equal(500, Aggregate.Select(runs, CheckpointRule.Best).Step);
    }

    [Fact]
    public void ArmScore_IsTheMeanOverSeedsOfEachSeedsBestCheckpoint()
    {
        CheckpointScore[] runs =
        [
            Run("cd", 1, 500, TaskNames.Blimp, 61), Run("cd", 1, 1000, TaskNames.Blimp, 63),
            Run("cd", 2, 500, TaskNames.Blimp, 65), Run("cd", 2, 1000, TaskNames.Blimp, 64),
        ];

        var best = Aggregate.Arms(runs, CheckpointRule.Best, replicates: 20).Single();
        var final = Aggregate.Arms(runs, CheckpointRule.Final, replicates: 20).Single();

        Assert.Equal(64.0, best.Mean, 12);
        Assert.Equal([(1, 1000, 63.0), (2, 500, 65.0)], best.Seeds.Select(s => (s.Seed, s.Step, s.Score)));
        Assert.Equal(63.5, final.Mean, 12);
        // Pooled bootstrap values are 63 and 65 in equal numbers: population std 1, over √2 seeds.
        Assert.Equal(1 / Math.Sqrt(2), best.StdError, 12);
    }

    [Fact]
    public void RelativeChanges_AndMuDeltaRel_MatchAHandComputedExample()
    {
        CheckpointScore[] runs =
        [
            Run("base", 1, 500, TaskNames.Blimp, 60), Run("base", 2, 500, TaskNames.Blimp, 62),
            Run("cd", 1, 500, TaskNames.Blimp, 63), Run("cd", 2, 500, TaskNames.Blimp, 65),
            Run("base", 1, 500, TaskNames.Ewok, 50), Run("cd", 1, 500, TaskNames.Ewok, 49),
            Run("base", 1, 500, TaskNames.Perplexity, 50), Run("cd", 1, 500, TaskNames.Perplexity, 45),
        ];
        var arms = Aggregate.Arms(runs, CheckpointRule.Best, replicates: 10).ToDictionary(a => (a.Arm, a.Task));

        var comparisons = new[] { TaskNames.Blimp, TaskNames.Ewok, TaskNames.Perplexity }
            .Select(t => Aggregate.Compare(arms[("cd", t)], arms[("base", t)])).ToList();
        var mu = Aggregate.MeanRelative(comparisons);

        // BLiMP (64 − 61)/61; EWoK (49 − 50)/50; perplexity (50 − 45)/50, positive because lower is better.
        Assert.Equal([3.0 / 61, -0.02, 0.1], comparisons.Select(c => c.RelativeChange), new Tolerance(1e-12));
        Assert.Equal([3.0, -1.0, 5.0], comparisons.Select(c => c.Improvement), new Tolerance(1e-12));
        Assert.Equal((3.0 / 61 - 0.02) / 2, mu.Value, 12);
        Assert.Equal([TaskNames.Blimp, TaskNames.Ewok], mu.Tasks);
        Assert.Equal(mu.Value, mu.Ci.Low, 12);
        Assert.Equal(1.0 / 11, mu.PValue, 12);
        Assert.Equal(11.0 / 11, comparisons[1].PValue, 12);
    }

    [Fact]
    public void MeanRelative_RefusesComparisonsOfDifferentArms()
    {
        CheckpointScore[] runs =
        [
            Run("base", 1, 500, TaskNames.Blimp, 60), Run("a", 1, 500, TaskNames.Blimp, 61), Run("b", 1, 500, TaskNames.Blimp, 62),
        ];
        var arms = Aggregate.Arms(runs, CheckpointRule.Best, replicates: 5).ToDictionary(a => a.Arm);

        Assert.Throws<ArgumentException>(() => Aggregate.MeanRelative(
            [Aggregate.Compare(arms["a"], arms["base"]), Aggregate.Compare(arms["b"], arms["base"])]));
    }

    sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
