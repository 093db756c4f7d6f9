using System.Text.Json.Serialization;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Evaluation.Reading;

namespace ContrastivePipeline.Evaluation;

/// <summary>Everything one model (one checkpoint) produced on one evaluation folder.</summary>
/// <param name="SelfPaced">The self-paced reading score, when the folder has reading/reading_data.csv.</param>
/// <param name="EyeTracking">The eye-tracking score, likewise.</param>
internal sealed record ModelEvaluation(
    IReadOnlyList<TaskScore> Scores, double? SelfPaced, double? EyeTracking,
    [property: JsonIgnore] IReadOnlyList<ItemResult> Items,
    [property: JsonIgnore] IReadOnlyList<ReadingRow> ReadingRows,
    [property: JsonIgnore] IReadOnlyList<ReadingPrediction> Reading)
{
    public static ModelEvaluation From(IReadOnlyList<ItemResult> items, IReadOnlyList<ReadingRow> rows, IReadOnlyList<ReadingPrediction> reading) =>
        new(TaskScore.ByTask(items),
            rows.Count > 0 ? ReadingRegression.SelfPaced(rows, reading) : null,
            rows.Count > 0 ? ReadingRegression.EyeTracking(rows, reading) : null,
            items, rows, reading);

    /// <summary>The per-task evidence the aggregation resamples: one per zero-shot task, plus reading and eye tracking.</summary>
    public IEnumerable<TaskEvidence> Evidence()
    {
        foreach (var task in Scores)
            yield return new AccuracyEvidence(task.Task, Items);
        if (ReadingRows.Count == 0)
            yield break;
        yield return ReadingEvidence.SelfPaced(ReadingRows, Reading);
        yield return ReadingEvidence.EyeTracking(ReadingRows, Reading);
    }
}
