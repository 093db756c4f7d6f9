using ContrastivePipeline.Evaluation;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class ZeroShotEvaluatorTests
{
    static ZeroShotItem Pair(string group, string item, string good, string bad) =>
        new(TaskNames.Blimp, group, item, "", [good, bad], 0);

    static IReadOnlyList<ItemResult> Evaluate(params ZeroShotItem[] items)
    {
        var tokenizer = new ToyTokenizer();
        return ZeroShotEvaluator.Evaluate(items, new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, FuncScorer.PreferShorter()));
    }

    [Fact]
    public void ShorterPreferringModel_GivesExactlyKnownAccuracy_WithATieScoredAsHalf()
    {
        var results = Evaluate(
            Pair("g", "1", "a b", "a b c"),      // good is shorter: right
            Pair("g", "2", "a b c d", "a b"),    // good is longer: wrong
            Pair("g", "3", "x y z", "p q r"),    // same length: a tie between the two
            Pair("g", "4", "a", "a b"));         // right

        Assert.Equal([1.0, 0.0, 0.5, 1.0], results.Select(r => r.Correct));
        Assert.Equal([0, 1, null, 0], results.Select(r => r.Predicted));
        Assert.Equal([0, 1], results[2].Tied);
        Assert.Empty(results[0].Tied);
        var score = TaskScore.From(TaskNames.Blimp, results);
        Assert.Equal(62.5, score.Accuracy, 12);
        Assert.Equal((4, 1), (score.Items, score.Ties));
        Assert.Equal(1, score.Groups.Single().Ties);
    }

    [Fact]
    public void TieAmongWrongCandidates_ScoresZero_AndIsStillCounted()
    {
        var tokenizer = new ToyTokenizer();
        var item = new ZeroShotItem(TaskNames.EntityTracking, "g", "1", "Box 0 contains ", ["the big red key.", "the cup.", "the pen."], 0);

        var result = ZeroShotEvaluator.Evaluate([item], new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, FuncScorer.PreferShorter())).Single();

        Assert.Equal([-4.0, -2.0, -2.0], result.LogProbs);
        Assert.Equal((null, 0.0, true), (result.Predicted, result.Correct, result.IsTie));
        Assert.Equal([1, 2], result.Tied);
    }

    [Fact]
    public void MacroAverage_OverGroups_DiffersFromMicro_OnUnbalancedGroups()
    {
        var results = Evaluate(
            Pair("small", "1", "a", "a b"),
            Pair("large", "1", "a b", "a"),
            Pair("large", "2", "a b", "a"),
            Pair("large", "3", "a b", "a"));

        var score = TaskScore.From(TaskNames.Blimp, results);

        Assert.Equal(50.0, score.Accuracy, 12);
        Assert.Equal(25.0, score.MicroAccuracy, 12);
        Assert.Equal([("large", 0.0), ("small", 100.0)], score.Groups.Select(g => (g.Group, g.Accuracy)));
    }

    [Fact]
    public void ByTask_ScoresEachTaskOnItsOwnItems()
    {
        var results = Evaluate(Pair("g", "1", "a", "a b"), Pair("g", "2", "a b", "a") with { Task = TaskNames.BlimpSupplement });

        Assert.Equal([(TaskNames.Blimp, 100.0), (TaskNames.BlimpSupplement, 0.0)],
            TaskScore.ByTask(results).Select(s => (s.Task, s.Accuracy)));
    }
}
