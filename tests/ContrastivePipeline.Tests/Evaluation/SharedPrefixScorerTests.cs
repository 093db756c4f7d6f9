using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Reading;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tests.Tokenization;
using ContrastivePipeline.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Evaluation;

/// <summary>The fast scorer against the simple one (the oracle) on real BabyLM items, candidate by candidate.</summary>
[Collection(TorchCollection.Name)]
public sealed class SharedPrefixScorerTests : IDisposable
{
    const double Tolerance = 1e-4;
    static readonly Lazy<(IReadOnlyList<ZeroShotItem> Items, IReadOnlyList<ReadingRow> Rows)> RealItems = new(LoadRealItems);
    readonly string folder = Directory.CreateTempSubdirectory("scorer-").FullName;
    readonly BpeEncoder encoder;
    readonly Llama model;

    public SharedPrefixScorerTests()
    {
        BpeFiles.Write(folder, BpeTrainer.Train(TinyCorpus.All, 1000, threads: 2));
        encoder = BpeEncoder.Load(folder);
        manual_seed(7);
        model = new Llama(TinyModels.Shape with { Hidden = 32, Heads = 4, Intermediate = 64, Vocab = encoder.VocabSize });
        model.eval();
        // N(0, 0.02) weights give every token about the same probability; sharper ones make the sums differ by nats.
        using var _ = no_grad();
        using var sharpen = 15.0.ToScalar();
        foreach (var p in model.parameters().Where(p => p.dim() == 2))
            p.mul_(sharpen);
    }

    public void Dispose()
    {
        model.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    CandidateTokenizer Tokenizer() => new(t => [.. encoder.Encode(t)], SpecialTokens.Bos);

    CandidateScorer Simple() => new(Tokenizer(), new ModelScorer(model, CPU), batchSize: 64);

    [Theory]
    [InlineData(64, 1)]
    [InlineData(7, 1)]
    [InlineData(1, 1)]
    [InlineData(64, 2)]
    [InlineData(7, 3)]
    public void FastPath_GivesTheSimplePathsSums_OnRealItemsOfEveryTask(int batchSize, int workers)
    {
        var (items, _) = RealItems.Value;
        using var scoring = new ScoringLlama(model);
        var fast = new SharedPrefixScorer(Tokenizer(), scoring, CPU, batchSize, workers);

        var expected = ZeroShotEvaluator.Evaluate(items, Simple());
        var actual = ZeroShotEvaluator.Evaluate(items, fast);

        Assert.Equal([TaskNames.Blimp, TaskNames.BlimpSupplement, TaskNames.Ewok, TaskNames.EntityTracking, TaskNames.Wug],
            actual.Select(r => r.Task).Distinct());
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.LogProbs.Length, a.LogProbs.Length);
            for (var c = 0; c < e.LogProbs.Length; c++)
                Assert.True(Math.Abs(e.LogProbs[c] - a.LogProbs[c]) <= Tolerance, $"{e.Item} candidate {c}: simple {e.LogProbs[c]}, fast {a.LogProbs[c]}");
        }
        // The sums must be far apart for the comparison to mean anything.
        Assert.True(expected.Average(r => Math.Abs(r.LogProbs[0] - r.LogProbs[1])) > 1.0);
    }

    [Fact]
    public void FastPath_GivesTheSimplePathsSurprisals_OnRealReadingRows()
    {
        var (_, rows) = RealItems.Value;
        using var scoring = new ScoringLlama(model);

        var expected = ReadingEvaluator.Evaluate(rows, Simple());
        var actual = ReadingEvaluator.Evaluate(rows, new SharedPrefixScorer(Tokenizer(), scoring, CPU, 16, workers: 2));

        Assert.All(expected.Zip(actual), p =>
        {
            Assert.True(Math.Abs(p.First.Surprisal - p.Second.Surprisal) <= Tolerance, $"row {p.First.Index}");
            Assert.Equal(double.IsNaN(p.First.PrevSurprisal), double.IsNaN(p.Second.PrevSurprisal));
            if (!double.IsNaN(p.First.PrevSurprisal))
                Assert.True(Math.Abs(p.First.PrevSurprisal - p.Second.PrevSurprisal) <= Tolerance, $"row {p.First.Index} (previous word)");
        });
    }

    [Fact]
    public void RealItems_ShareTheirCommonTokens_BlimpPairsAndEntityTrackingOptions()
    {
        var (items, _) = RealItems.Value;
        var tokenizer = Tokenizer();
        var tokenized = items.SelectMany(i => i.Completions.Select(c => tokenizer.Tokenize(new Candidate(i.Prefix, c)))).ToList();

        var groups = PrefixGroup.Of(tokenized, maxMembers: 64);

        Assert.Equal(Enumerable.Range(0, tokenized.Count), groups.SelectMany(g => g.Members).Order());
        Assert.All(groups.SelectMany(g => g.Members.Select(m => (g.Shared, Tokens: tokenized[m].Sequence))), p =>
        {
            Assert.True(p.Shared.Length < p.Tokens.Length, "every member keeps a token of its own to score");
            Assert.Equal(p.Shared, p.Tokens[..p.Shared.Length]);
        });
        Assert.All(groups, g => Assert.True(g.Members.Length == 1 || g.Length(tokenized) <= PrefixGroup.MaxRow));
        Assert.Contains(groups, g => g.Members.Length >= 5 && g.Shared.Length > 50); // entity tracking
        Assert.Contains(groups, g => g.Members.Length == 2 && g.Shared.Length > 3
            && g.Members.All(m => tokenized[m].FirstScored == 1));                 // a BLiMP pair: scored inside the shared pass
    }

    [Fact]
    public void Runs_AreCutWhereTheirPackedRowsCostLeast()
    {
        TokenizedCandidate Whole(params int[] tokens) => new([SpecialTokens.Bos, .. tokens], 1);
        TokenizedCandidate[] tokenized = [Whole(5, 6, 7, 8), Whole(9, 1), Whole(5, 6, 7, 9), Whole(5, 6, 2)];

        var groups = PrefixGroup.Of(tokenized, maxMembers: 64);

        // Sorted: 3, 0, 2, 1. Alone they are rows of 3 + 4 + 4 + 2 = 13 positions; 0 and 2 share 4 tokens: a row of 4,
        // + 3 + 2 = 9; 3, 0 and 2 share 3: a row of 3 + 0 + 1 + 1 = 5, + 2 = 7; all four share only BOS: 1 + 2 + 3 + 3 + 1 = 10.
        Assert.Equal([[0, 2, 3], [1]], groups.Select(g => g.Members.Order().ToArray()).OrderBy(m => m[0]));
        Assert.Equal([SpecialTokens.Bos, 5, 6], groups.Single(g => g.Members.Length == 3).Shared);
        Assert.Equal(2, PrefixGroup.Of(tokenized, maxMembers: 2).Max(g => g.Members.Length));
    }

    [Fact]
    public void CandidatesThatTokenizeAlike_GetTheSameSum_SoTheyTie()
    {
        using var scoring = new ScoringLlama(model);
        var item = new ZeroShotItem(TaskNames.BlimpSupplement, "g", "i", "", ["The dog ran.", "The dog ran."], 0);

        var result = ZeroShotEvaluator.Evaluate([item], new SharedPrefixScorer(Tokenizer(), scoring, CPU)).Single();

        Assert.True(result.IsTie);
        Assert.Equal(0.5, result.Correct);
    }

    [Fact]
    public void EmptyCompletion_ScoresZero_AsInTheSimplePath()
    {
        using var scoring = new ScoringLlama(model);
        Candidate[] candidates = [new("The dog", ""), new("The dog", " ran."), Candidate.Whole("Ran.")];

        var fast = new SharedPrefixScorer(Tokenizer(), scoring, CPU).Score(candidates);
        var simple = Simple().Score(candidates);

        Assert.Equal(0.0, fast[0]);
        Assert.Equal(simple, fast, (a, b) => Math.Abs(a - b) <= Tolerance);
    }

    /// <summary>A slice of data/eval: the first lines of some files of every task (all five entity-tracking options).</summary>
    static (IReadOnlyList<ZeroShotItem>, IReadOnlyList<ReadingRow>) LoadRealItems()
    {
        var items = ZeroShotSuite.Load(EvalData.Folder);
        var slice = items.GroupBy(i => (i.Task, i.Group)).Take(400).SelectMany(g => g.Take(3))
            .GroupBy(i => i.Task).SelectMany(g => g.Take(40)).ToList();
        var rows = EvaluationSuite.ReadRows(EvalData.Folder).Take(60).ToList();
        return (slice, rows);
    }
}
