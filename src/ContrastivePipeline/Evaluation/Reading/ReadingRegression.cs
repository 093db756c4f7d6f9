namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>The reading-time scores of PAPER.md §6: the normalised gain in R² from adding model surprisal.</summary>
/// <remarks>
/// For each reading measure: OLS of the measure on the baseline predictors and all their pairwise interactions
/// (R²_base), then the same plus surprisal (R²_model); score = (R²_model − R²_base)/(1 − R²_base) × 100. Both fits use
/// the same rows: those where the measure, every predictor and the surprisal are present (the BabyLM code drops
/// missing values per fit; the sets coincide whenever surprisal is finite, as it is for any model).
/// Eye tracking: baseline Subtlex_log10, length, context_length; the score is the mean over RTfirstfix, RTfirstpass,
/// RTgopast and RTrightbound. Self-paced reading: the baseline adds prev_length and the previous word's surprisal.
/// </remarks>
internal static class ReadingRegression
{
    public static double NormalizedGain(double r2Base, double r2Model) => (r2Model - r2Base) / (1 - r2Base) * 100;

    public static double EyeTracking(IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions)
    {
        Func<ReadingRow, double>[] measures = [r => r.RtFirstFix, r => r.RtFirstPass, r => r.RtGoPast, r => r.RtRightBound];
        Func<ReadingRow, ReadingPrediction, double>[] baseline =
            [(r, _) => r.Frequency, (r, _) => r.Length, (r, _) => r.ContextLength];
        return measures.Average(m => Gain(rows, predictions, m, baseline));
    }

    public static double SelfPaced(IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions)
    {
        Func<ReadingRow, ReadingPrediction, double>[] baseline =
            [(r, _) => r.Frequency, (r, _) => r.Length, (r, _) => r.ContextLength, (r, _) => r.PrevLength, (_, p) => p.PrevSurprisal];
        return Gain(rows, predictions, r => r.SelfPaced, baseline);
    }

    /// <summary>The normalised ΔR² for one measure: both fits on the rows complete for measure, baseline and surprisal.</summary>
    public static double Gain(IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions,
        Func<ReadingRow, double> measure, IReadOnlyList<Func<ReadingRow, ReadingPrediction, double>> baseline)
    {
        if (rows.Count != predictions.Count)
            throw new ArgumentException($"{rows.Count} reading rows but {predictions.Count} predictions");
        var keep = Enumerable.Range(0, rows.Count).Where(i =>
            double.IsFinite(measure(rows[i])) && double.IsFinite(predictions[i].Surprisal)
            && baseline.All(f => double.IsFinite(f(rows[i], predictions[i])))).ToArray();
        var y = keep.Select(i => measure(rows[i])).ToArray();
        var mains = baseline.Select(f => keep.Select(i => f(rows[i], predictions[i])).ToArray()).ToList();
        var columns = Ols.WithPairwiseInteractions(mains);
        var (r2Base, r2Model) = Ols.Nested(columns, [keep.Select(i => predictions[i].Surprisal).ToArray()], y);
        return NormalizedGain(r2Base, r2Model);
    }
}
