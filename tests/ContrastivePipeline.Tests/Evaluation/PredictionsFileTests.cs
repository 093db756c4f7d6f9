using System.Text.Json;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class PredictionsFileTests
{
    [Fact]
    public void Predictions_RoundTrip_AsOneJsonObjectPerLine_WithTheTraceableFields()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "predictions.jsonl");
        ItemResult[] results =
        [
            new(TaskNames.Blimp, "anaphor", "blimp_filtered/a.jsonl:1", 0, [-3.25, -4.5], 0, [], 1),
            new(TaskNames.Wug, "wug", "wug/w.jsonl:7", 0, [double.NegativeInfinity, double.NegativeInfinity], null, [0, 1], 0.5),
        ];

        PredictionsFile.Write(path, results);

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["task", "group", "item", "label", "log_probs", "predicted", "tied", "correct", "is_tie"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        var back = PredictionsFile.Read<ItemResult>(path);
        Assert.Equal(results.Select(r => (r.Item, r.Predicted, r.Correct)), back.Select(r => (r.Item, r.Predicted, r.Correct)));
        Assert.Equal(results[1].LogProbs, back[1].LogProbs);
        Assert.Equal([0, 1], back[1].Tied);
    }
}
