using System.Globalization;
using System.Text;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Tests.Support;
using Snapshooter.Xunit;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class EvaluationRunTests
{
    static void WriteFixture(TempFolder folder)
    {
        folder.File("eval/blimp_filtered/a.jsonl",
            """
            {"sentence_good": "a b", "sentence_bad": "a b c", "UID": "u"}
            {"sentence_good": "a b c", "sentence_bad": "a b", "UID": "u"}
            """);
        folder.File("eval/entity_tracking/regular.jsonl",
            """{"numops": 0, "input_prefix": "Box 0 contains ", "options": ["the key.", "the red cup.", "the big red pen."]}""");
        var random = new Random(3);
        var csv = new StringBuilder(",item,word,Subtlex_log10,length,context_length,RTfirstfix,RTfirstpass,RTgopast,RTrightbound,"
            + "self_paced_reading_time,prev_word,prev_item,prev_length\n");
        for (var i = 0; i < 40; i++)
        {
            // A "word" of k toy tokens has surprisal k under the shorter-preferring model; reading times follow k.
            var parts = random.Next(1, 4);
            var word = string.Join(' ', Enumerable.Repeat("x", parts));
            var context = string.Join(' ', Enumerable.Repeat("w", random.Next(1, 9)));
            double Rt() => 200 + 30 * parts + 100 * random.NextDouble();
            csv.Append(CultureInfo.InvariantCulture,
                $"{i},{context},{word},{10 * random.NextDouble()},{random.Next(1, 8)},{random.Next(1, 9)},"
                + $"{Rt()},{Rt()},{Rt()},{Rt()},{Rt()},{(i % 5 == 0 ? "" : "v")},{(i % 5 == 0 ? "" : context)},{random.Next(1, 8)}\n");
        }
        folder.File("eval/reading/reading_data.csv", csv.ToString());
    }

    [Fact]
    public void Run_WritesTraceablePredictionsAndScores_AndLoadReadsTheSameEvaluationBack()
    {
        using var folder = new TempFolder();
        WriteFixture(folder);
        var tokenizer = new ToyTokenizer();
        var scorer = new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, FuncScorer.PreferShorter());
        var output = Path.Combine(folder.Path, "out");

        var run = EvaluationRun.Run(Path.Combine(folder.Path, "eval"), scorer, output);
        var loaded = EvaluationRun.Load(Path.Combine(folder.Path, "eval"), output);

        Assert.Equal([(TaskNames.Blimp, 50.0), (TaskNames.EntityTracking, 100.0)], run.Scores.Select(s => (s.Task, s.Accuracy)));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, EvaluationRun.ZeroShotFile)).Length);
        Assert.Equal(40, File.ReadAllLines(Path.Combine(output, EvaluationRun.ReadingFile)).Length);
        Assert.True(File.Exists(Path.Combine(output, EvaluationRun.ScoresFile)));
        Assert.Equal(8, run.Reading.Count(r => double.IsNaN(r.PrevSurprisal)));
        Assert.True(double.IsFinite(run.SelfPaced!.Value) && double.IsFinite(run.EyeTracking!.Value));
        Assert.Equal((run.SelfPaced, run.EyeTracking), (loaded.SelfPaced, loaded.EyeTracking));
        Assert.Equal(run.Scores.Select(s => s.Accuracy), loaded.Scores.Select(s => s.Accuracy));
        Assert.Equal([TaskNames.Blimp, TaskNames.EntityTracking, TaskNames.Reading, TaskNames.EyeTracking],
            loaded.Evidence().Select(e => e.Task));
    }

    [Fact]
    public void ScoresFile_MatchesSnapshot()
    {
        using var folder = new TempFolder();
        WriteFixture(folder);
        var tokenizer = new ToyTokenizer();
        var output = Path.Combine(folder.Path, "out");

        EvaluationRun.Run(Path.Combine(folder.Path, "eval"), new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, FuncScorer.PreferShorter()), output);

        Snapshot.Match(File.ReadAllText(Path.Combine(output, EvaluationRun.ScoresFile)));
    }

    [Fact]
    public void Evidence_FromTwoRuns_AggregatesIntoPairedComparisons()
    {
        using var folder = new TempFolder();
        WriteFixture(folder);
        var tokenizer = new ToyTokenizer();
        var eval = Path.Combine(folder.Path, "eval");
        var shorter = EvaluationRun.Run(eval, new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, FuncScorer.PreferShorter()),
            Path.Combine(folder.Path, "a"));
        var longer = EvaluationRun.Run(eval, new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, new FuncScorer((s, _) => s.Length < 8 ? -1000 : -0.001)),
            Path.Combine(folder.Path, "b"));
        var checkpoints = shorter.Evidence().Select(e => new CheckpointScore("base", 1, 500, e))
            .Concat(longer.Evidence().Select(e => new CheckpointScore("other", 1, 500, e)));

        var arms = Aggregate.Arms(checkpoints, CheckpointRule.Best, replicates: 50).ToDictionary(a => (a.Arm, a.Task));
        var entity = Aggregate.Compare(arms[("other", TaskNames.EntityTracking)], arms[("base", TaskNames.EntityTracking)]);

        Assert.Equal(4, arms.Count / 2);
        Assert.Equal((0.0, 100.0), (entity.Score, entity.BaselineScore));
        Assert.Equal(-1.0, entity.RelativeChange, 12);
        Assert.Equal(1.0, entity.PValue);
    }
}
