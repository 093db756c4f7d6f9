using ContrastivePipeline.Evaluation;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class CandidateScorerTests
{
    readonly ToyTokenizer tokenizer = new();

    CandidateScorer Scorer(ISequenceScorer model, int batchSize = 64) => new(tokenizer.Encode, ToyTokenizer.Bos, model, batchSize);

    string[] Scored(Candidate candidate)
    {
        var (sequence, first) = Scorer(FuncScorer.PreferShorter()).Tokenize(candidate);
        return sequence[first..].Select(tokenizer.Token).ToArray();
    }

    [Fact]
    public void PrefixEndingInSpace_ScoresTheTokenThatStraddlesTheBoundary()
    {
        // Alone, "Box 0 contains " ends in a lone " " token; in the whole text that space belongs to " the".
        Assert.Equal([" the", " card."], Scored(new Candidate("Box 0 contains ", "the card.")));
    }

    [Fact]
    public void CompletionStartingWithSpace_ScoresFromTheSpaceLedToken()
    {
        Assert.Equal([" Ann", " helps."], Scored(new Candidate("Ann is kind.", " Ann helps.")));
    }

    [Fact]
    public void WholeText_ScoresEveryTokenAfterBos()
    {
        var (sequence, first) = Scorer(FuncScorer.PreferShorter()).Tokenize(Candidate.Whole("The cat sits."));
        Assert.Equal(["<s>", "The", " cat", " sits."], sequence.Select(tokenizer.Token));
        Assert.Equal(1, first);
    }

    [Fact]
    public void HugeMassOnPrefixTokens_DoesNotChangeTheDecision()
    {
        // Completion tokens cost 1 nat each, so option 0 (one token) beats option 1 (three tokens). Prefix tokens cost
        // 1000 nats in the shorter sequence only: summing the whole sequence would flip the decision to option 1.
        var prefixLength = tokenizer.Encode("Box 0 contains ").Length - 1; // in context the trailing " " joins the option
        Func<int[], int, double> logProb = (sequence, i) => i <= prefixLength && sequence.Length < 7 ? -1000 : -1;
        var scorer = Scorer(new FuncScorer(logProb));
        var item = new ZeroShotItem(TaskNames.EntityTracking, "g", "i", "Box 0 contains ", ["key.", "a red cup."], 0);

        var result = ZeroShotEvaluator.Evaluate([item], scorer).Single();

        Assert.Equal([-1.0, -3.0], result.LogProbs);
        Assert.Equal(0, result.Predicted);
        Assert.Equal(1.0, result.Correct);
        var wholeSequenceSums = item.Completions.Select(c => scorer.Tokenize(new Candidate(item.Prefix, c)).Sequence)
            .Select(s => Enumerable.Range(1, s.Length - 1).Sum(i => logProb(s, i))).ToArray();
        Assert.True(wholeSequenceSums[1] > wholeSequenceSums[0], "the fixture must make whole-sequence scoring pick option 1");
    }

    [Fact]
    public void Batches_HoldAtMostTheBatchSize_LongestFirst_AndResultsComeBackInInputOrder()
    {
        var model = FuncScorer.PreferShorter();
        var candidates = new[] { "a", "a b c d", "a b", "a b c", "a b c d e" }.Select(Candidate.Whole).ToList();

        var sums = Scorer(model, batchSize: 2).Score(candidates);

        Assert.Equal([-1.0, -4.0, -2.0, -3.0, -5.0], sums);
        Assert.Equal([2, 2, 1], model.Batches.Select(b => b.Length));
        Assert.Equal([6, 5, 4, 3, 2], model.Batches.SelectMany(b => b).Select(s => s.Length));
        Assert.All(model.Batches.SelectMany(b => b), s => Assert.Equal(ToyTokenizer.Bos, s[0]));
    }

    [Fact]
    public void ScorerReturningTheWrongNumberOfLogProbs_IsAnError()
    {
        var model = new BrokenScorer();
        var error = Assert.Throws<InvalidOperationException>(() => Scorer(model).Score([Candidate.Whole("a b")]));
        Assert.Contains("n - 1", error.Message);
    }

    sealed class BrokenScorer : ISequenceScorer
    {
        public double[][] LogProbs(IReadOnlyList<int[]> sequences) => sequences.Select(s => new double[s.Length]).ToArray();
    }
}
