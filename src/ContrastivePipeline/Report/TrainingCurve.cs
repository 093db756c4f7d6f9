using System.Text.Json;
using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Report;

/// <summary>The training loss of one run by step, read from its metrics.jsonl.</summary>
internal sealed record TrainingCurve(string Arm, int Seed, double[] Steps, double[] Losses)
{
    public static TrainingCurve Read(string arm, int seed, string runFolder)
    {
        var path = Path.Combine(runFolder, TrainContract.MetricsFile);
        var lines = File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<MetricsLine>(l, Json.Options)!).ToList()
            : [];
        return new(arm, seed, lines.Select(l => (double)l.Step).ToArray(), lines.Select(l => l.Loss).ToArray());
    }

    sealed record MetricsLine(int Step, double Loss);
}
