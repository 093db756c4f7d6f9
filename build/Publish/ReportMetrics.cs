using System.Text.Json;
using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Build.Publish;

/// <summary>
/// The numbers of one exported model in the run's <c>report.json</c>: every task's score of its own seed at the final
/// checkpoint (the one exported; GOOD's single evaluated checkpoint for GOOD), and its arm's μΔREL per suite.
/// </summary>
internal static class ReportMetrics
{
    public static List<CardMetric> Of(string reportFile, string arm, int seed)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(reportFile));
        var root = document.RootElement;
        var final = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "final");
        var rule = arm == ScoreContract.Good && root.GetProperty("good").ValueKind == JsonValueKind.Object ? root.GetProperty("good") : final;
        var metrics = new List<CardMetric>();
        foreach (var score in rule.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("arm").GetString() == arm))
        {
            var task = score.GetProperty("task").GetString()!;
            foreach (var own in score.GetProperty("seeds").EnumerateArray().Where(s => s.GetProperty("seed").GetInt32() == seed))
                metrics.Add(new(task, task == "perplexity" ? "perplexity" : "accuracy", own.GetProperty("score").GetDouble()));
        }
        foreach (var mean in rule.GetProperty("mean_relative").EnumerateArray())
        {
            var change = mean.GetProperty("change");
            if (change.GetProperty("arm").GetString() == arm)
                metrics.Add(new($"muDeltaREL {mean.GetProperty("suite").GetString()} (arm mean over seeds, against {change.GetProperty("baseline").GetString()})",
                    "muDeltaREL", change.GetProperty("value").GetDouble()));
        }
        return metrics;
    }
}
