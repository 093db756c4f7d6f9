using ContrastivePipeline.Evaluation.Reading;

namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>A model's surprisals on the reading rows; a replicate refits the regressions on resampled rows.</summary>
internal sealed class ReadingEvidence : TaskEvidence
{
    readonly IReadOnlyList<ReadingRow> rows;
    readonly IReadOnlyList<ReadingPrediction> predictions;
    readonly Func<IReadOnlyList<ReadingRow>, IReadOnlyList<ReadingPrediction>, double> statistic;

    ReadingEvidence(string task, IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions,
        Func<IReadOnlyList<ReadingRow>, IReadOnlyList<ReadingPrediction>, double> statistic) : base(task)
    {
        if (rows.Count != predictions.Count)
            throw new ArgumentException($"{rows.Count} reading rows but {predictions.Count} predictions");
        (this.rows, this.predictions, this.statistic) = (rows, predictions, statistic);
        Strata = [rows.Count];
    }

    public static ReadingEvidence SelfPaced(IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions) =>
        new(TaskNames.Reading, rows, predictions, ReadingRegression.SelfPaced);

    public static ReadingEvidence EyeTracking(IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> predictions) =>
        new(TaskNames.EyeTracking, rows, predictions, ReadingRegression.EyeTracking);

    public override IReadOnlyList<int> Strata { get; }

    public override double Score() => statistic(rows, predictions);

    public override double Score(IReadOnlyList<int[]> draw) =>
        statistic(draw[0].Select(i => rows[i]).ToList(), draw[0].Select(i => predictions[i]).ToList());
}
