using System.Text.Json;

namespace ContrastivePipeline.TensorBoard;

/// <summary>
/// The curves of every step, by tag: written live by the running step and, for an instance this run reuses, from its
/// stored files (<see cref="StoredCurves"/>), through these same methods, so both give the same points (speeds
/// excepted: they are not stored).
/// </summary>
internal static class Curves
{
    public const string Loss = "train/loss", LearningRate = "train/learning_rate", GradNorm = "train/grad_norm",
        TokensPerSecond = "train/tokens_per_s", SyntheticShare = "train/synthetic_share",
        GeneratedTokens = "generate/tokens", SamplesPerSecond = "generate/samples_per_s",
        Perplexity = "eval/perplexity";

    /// <param name="syntheticShare">The synthetic fraction of every batch of a mixed arm; null for real data only.</param>
    public static void Train(EventWriter events, long step, double loss, double learningRate, double gradNorm, double? syntheticShare)
    {
        events.Scalar(Loss, step, loss);
        events.Scalar(LearningRate, step, learningRate);
        events.Scalar(GradNorm, step, gradNorm);
        if (syntheticShare is { } share)
            events.Scalar(SyntheticShare, step, share);
    }

    /// <summary>
    /// One evaluated checkpoint from its folder (<c>step_N/</c>): perplexity (exp of the mean block loss) and each
    /// suite's task accuracies (<c>eval/&lt;suite&gt;/&lt;task&gt;</c>, percent) and reading scores.
    /// </summary>
    public static void Checkpoint(EventWriter events, string folder, long step)
    {
        using (var perplexity = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "perplexity.json"))))
        {
            var losses = perplexity.RootElement.GetProperty("block_losses").EnumerateArray().Select(l => l.GetDouble()).ToList();
            if (losses.Count > 0)
                events.Scalar(Perplexity, step, Math.Exp(losses.Average()));
        }
        foreach (var scores in Directory.EnumerateFiles(folder, "scores.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var suite = Path.GetFileName(Path.GetDirectoryName(scores)!);
            using var document = JsonDocument.Parse(File.ReadAllText(scores));
            foreach (var task in document.RootElement.GetProperty("scores").EnumerateArray())
                events.Scalar($"eval/{suite}/{task.GetProperty("task").GetString()}", step, task.GetProperty("accuracy").GetDouble());
            foreach (var reading in new[] { "self_paced", "eye_tracking" })
            {
                if (document.RootElement.TryGetProperty(reading, out var value) && value.ValueKind == JsonValueKind.Number)
                    events.Scalar($"eval/{suite}/{reading}", step, value.GetDouble());
            }
        }
        events.Flush();
    }

    /// <summary>
    /// μΔREL of every arm against the baseline under each checkpoint rule, from <c>report.json</c>: one run per arm
    /// (<c>&lt;folder&gt;/&lt;arm&gt;/</c>, tag <c>report/muDeltaREL/&lt;rule&gt;/&lt;suite&gt;</c>, a fraction), at the arm's last
    /// evaluated step, so it sits at the end of the arm's curves.
    /// </summary>
    public static void Report(string report, string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        var root = document.RootElement;
        var last = root.GetProperty("runs").EnumerateArray()
            .GroupBy(r => r.GetProperty("arm").GetString()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.GetProperty("steps").EnumerateArray()).Select(s => s.GetInt64()).DefaultIfEmpty(0).Max());
        var means = root.GetProperty("rules").EnumerateArray().SelectMany(rule => rule.GetProperty("mean_relative").EnumerateArray()
            .Select(m => (Rule: rule.GetProperty("rule").GetString(), Suite: m.GetProperty("suite").GetString(), Change: m.GetProperty("change"))));
        foreach (var arm in means.GroupBy(m => m.Change.GetProperty("arm").GetString()!))
        {
            using var events = new EventWriter(Path.Combine(folder, arm.Key), "Report");
            // A report written again (--force=Evaluate) replaces the points of the earlier one.
            events.Start(last.GetValueOrDefault(arm.Key));
            foreach (var (rule, suite, change) in arm)
                events.Scalar($"report/muDeltaREL/{rule}/{suite}", last.GetValueOrDefault(arm.Key), change.GetProperty("value").GetDouble());
            events.Flush();
        }
    }
}
