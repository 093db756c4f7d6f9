using ContrastivePipeline.Evaluation.Reading;

namespace ContrastivePipeline.Evaluation;

/// <summary>Evaluates one model on one folder and writes what traces every number back to items.</summary>
/// <remarks>
/// Files in the output folder: zero_shot_predictions.jsonl (one <see cref="ItemResult"/> per line),
/// reading_predictions.jsonl (one <see cref="ReadingPrediction"/> per row, when the folder has reading data) and
/// scores.json (the per-task scores with group accuracies and tie counts, and the two reading scores).
/// </remarks>
internal static class EvaluationRun
{
    public const string ZeroShotFile = "zero_shot_predictions.jsonl";
    public const string ReadingFile = "reading_predictions.jsonl";
    public const string ScoresFile = "scores.json";

    public static ModelEvaluation Run(string evalFolder, ICandidateScorer scorer, string outputFolder, string? suite = null) =>
        Run(EvaluationSuite.Load(evalFolder, suite), scorer, outputFolder);

    public static ModelEvaluation Run(EvaluationSuite suite, ICandidateScorer scorer, string outputFolder)
    {
        var items = ZeroShotEvaluator.Evaluate(suite.Items, scorer);
        var rows = suite.ReadingRows;
        var reading = rows.Count > 0 ? ReadingEvaluator.Evaluate(rows, scorer) : [];
        Directory.CreateDirectory(outputFolder);
        PredictionsFile.Write(Path.Combine(outputFolder, ZeroShotFile), items);
        if (rows.Count > 0)
            PredictionsFile.Write(Path.Combine(outputFolder, ReadingFile), reading);
        var evaluation = ModelEvaluation.From(items, rows, reading);
        Json.Write(Path.Combine(outputFolder, ScoresFile), evaluation);
        return evaluation;
    }

    /// <summary>Reads a finished run back (for aggregation over many checkpoints) without touching the model.</summary>
    public static ModelEvaluation Load(string evalFolder, string outputFolder)
    {
        var items = PredictionsFile.Read<ItemResult>(Path.Combine(outputFolder, ZeroShotFile));
        var readingPath = Path.Combine(outputFolder, ReadingFile);
        var reading = File.Exists(readingPath) ? PredictionsFile.Read<ReadingPrediction>(readingPath) : [];
        var rows = reading.Count > 0 ? EvaluationSuite.ReadRows(evalFolder) : [];
        if (rows.Count != reading.Count || rows.Zip(reading).Any(p => p.First.Index != p.Second.Index))
            throw new InvalidDataException($"{readingPath}: rows do not match {evalFolder}/reading/{ReadingTable.FileName}");
        return ModelEvaluation.From(items, rows, reading);
    }
}
