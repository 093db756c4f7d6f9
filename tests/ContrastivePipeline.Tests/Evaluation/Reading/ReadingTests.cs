using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Reading;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Evaluation.Reading;

public sealed class ReadingTests
{
    const string Header =
        ",item,word,word2,sentence,context_length,sent_id,item_id,list,Subtlex_log10,length,RTfirstfix,RTfirstpass,RTgopast,"
        + "RTrightbound,self_paced_reading_time,ELAN,LAN,N400,P600,EPNP,PNP,prev_word,prev_item,prev_length";

    [Fact]
    public void Load_ReadsColumnsByName_QuotedCommas_AndMissingValuesAsNaN()
    {
        using var folder = new TempFolder();
        var path = folder.File("reading/reading_data.csv", Header + "\n"
            + "4,\"Well, the\",dog,DOG,\"Well, the dog ran.\",2,1,10,1,9.5,3,100,110,120,130,300,0,0,0,0,0,0,the,Well,1\n"
            + "9,He,ran,RAN,He ran.,1,2,11,1,,3,101,111,121,131,301,0,0,0,0,0,0,,,\n");

        var rows = ReadingTable.Load(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal((4, "Well, the", "dog", "Well", "the"), (rows[0].Index, rows[0].Item, rows[0].Word, rows[0].PrevItem, rows[0].PrevWord));
        Assert.Equal((9.5, 3.0, 2.0, 1.0), (rows[0].Frequency, rows[0].Length, rows[0].ContextLength, rows[0].PrevLength));
        Assert.Equal((100.0, 110.0, 120.0, 130.0, 300.0),
            (rows[0].RtFirstFix, rows[0].RtFirstPass, rows[0].RtGoPast, rows[0].RtRightBound, rows[0].SelfPaced));
        Assert.Equal(9, rows[1].Index);
        Assert.True(double.IsNaN(rows[1].Frequency) && double.IsNaN(rows[1].PrevLength));
        Assert.Equal("", rows[1].PrevItem);
    }

    [Fact]
    public void Surprisal_IsMinusTheSummedLogProbOfTheSpaceLedWordInItsContext()
    {
        // Capitalised tokens (all in the contexts) cost 1000 nats, the others 1: surprisal counts the word's tokens only.
        var tokenizer = new ToyTokenizer();
        var model = new FuncScorer((sequence, i) => char.IsUpper(tokenizer.Token(sequence[i]).TrimStart()[0]) ? -1000 : -1);
        var rows = new[] { Row(0, "He Smiled Like a", "man", "He Smiled Like", "a"), Row(1, "Dogs", "bark loudly", "", "") };

        var predictions = ReadingEvaluator.Evaluate(rows, new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, model));

        Assert.Equal([(0, 1.0), (1, 2.0)], predictions.Select(p => (p.Index, p.Surprisal)));
        Assert.Equal(1.0, predictions[0].PrevSurprisal);
        Assert.True(double.IsNaN(predictions[1].PrevSurprisal));
    }

    [Fact]
    public void Gain_IsHundred_WhenSurprisalExplainsAllTheBaselineLeaves_AndZero_WhenItIsABaselineCombination()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 60).Select(i => Row(i, "c", "w", "p", "q") with
        {
            Frequency = random.NextDouble() * 10,
            Length = random.Next(1, 12),
            ContextLength = random.Next(1, 20),
        }).ToList();
        var surprisal = rows.Select(_ => random.NextDouble() * 8).ToArray();
        var exact = rows.Select((r, i) => r with { RtFirstPass = 50 + 2 * r.Frequency - 3 * r.Length + 7 * surprisal[i] }).ToList();
        Func<ReadingRow, ReadingPrediction, double>[] baseline = [(r, _) => r.Frequency, (r, _) => r.Length, (r, _) => r.ContextLength];

        var full = ReadingRegression.Gain(exact, Predictions(surprisal), r => r.RtFirstPass, baseline);
        var redundant = ReadingRegression.Gain(exact, Predictions(rows.Select(r => r.Frequency * r.Length + 1).ToArray()),
            r => r.RtFirstPass, baseline);

        Assert.Equal(100.0, full, 8);
        Assert.Equal(0.0, redundant, 8);
    }

    [Fact]
    public void Gain_UsesOnlyRowsCompleteForMeasureBaselineAndSurprisal()
    {
        var rows = Enumerable.Range(0, 8).Select(i => Row(i, "c", "w", "p", "q") with
        {
            Frequency = OlsTests.H1[i],
            Length = 1,
            ContextLength = 1,
            SelfPaced = 5 + 2 * OlsTests.H1[i] + 3 * OlsTests.H2[i] + OlsTests.H3[i],
        }).ToList();
        var predictions = Predictions([.. OlsTests.H2]);
        // A ninth row with a missing frequency would change both fits if it were kept.
        rows.Add(Row(8, "c", "w", "p", "q") with { Frequency = double.NaN, Length = 1, ContextLength = 1, SelfPaced = 1e6 });
        var withNinth = predictions.Append(new ReadingPrediction(8, "w", 100, 0)).ToList();

        var gain = ReadingRegression.Gain(rows, withNinth, r => r.SelfPaced, [(r, _) => r.Frequency, (r, _) => r.Length]);

        Assert.Equal(90.0, gain, 8);
    }

    [Fact]
    public void SharedEvalData_Scores_MatchAnIndependentNormalEquationsFit()
    {
        var rows = ReadingTable.Load(Path.Combine(EvalData.Folder, "reading", ReadingTable.FileName));

        Assert.Equal(335, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Index).Distinct().Count());
        // Stand-in surprisals; the expected scores come from a separate plain-Python fit (normal equations with
        // Gaussian elimination, complete cases: 328 rows for eye tracking, 291 for self-paced reading).
        var predictions = rows.Select(r => new ReadingPrediction(r.Index, r.Word, r.Length / (1 + r.Frequency),
            r.PrevItem.Length > 0 ? Math.Sqrt(r.PrevLength) + 1 : double.NaN)).ToList();
        Assert.Equal(2.800688868924535, ReadingRegression.EyeTracking(rows, predictions), 6);
        Assert.Equal(2.1064226141704103, ReadingRegression.SelfPaced(rows, predictions), 6);
    }

    static ReadingRow Row(int index, string item, string word, string prevItem, string prevWord) =>
        new(index, item, word, prevItem, prevWord, 1, 1, 1, 1, 1, 1, 1, 1, 1);

    static List<ReadingPrediction> Predictions(double[] surprisal) =>
        surprisal.Select((s, i) => new ReadingPrediction(i, "w", s, 0)).ToList();
}
