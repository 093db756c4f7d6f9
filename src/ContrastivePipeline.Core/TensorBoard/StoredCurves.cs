using System.Text.Json;
using System.Text.Json.Serialization;
using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.TensorBoard;

/// <summary>
/// The curves of a complete artifact, written from its stored files: what the host gives an instance it reuses (a
/// run of another experiment, or an earlier run whose event files were deleted), so that every instance of the run
/// has its curves. Nothing is written where an event file is already (the step wrote its curves live).
/// </summary>
internal static class StoredCurves
{
    static readonly JsonSerializerOptions Lines = new(Json.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Whether <paramref name="step"/> wrote event files into the folder (or a folder under it) already.</summary>
    public static bool Has(string folder, string step) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, $"events.out.tfevents.*.{step}", SearchOption.AllDirectories).Any();

    /// <param name="step">The step program (Train, Generate, Score, Report); the others have no curves.</param>
    /// <param name="syntheticShare">A mixed arm's synthetic fraction of every batch (Train).</param>
    /// <returns>Whether the step has curves (and they were written).</returns>
    public static bool Write(string step, string artifact, string folder, double? syntheticShare)
    {
        if (step == ReportContract.Step)
        {
            Curves.Report(artifact, folder);
            return true;
        }
        Action<EventWriter>? write = step switch
        {
            TrainContract.Step => events => Train(events, artifact, syntheticShare),
            GenerateContract.Step => events => Generate(events, artifact),
            ScoreContract.Step => events => Score(events, artifact),
            _ => null,
        };
        if (write is null)
            return false;
        using var events = new EventWriter(folder, step);
        write(events);
        events.Flush();
        return true;
    }

    static void Train(EventWriter events, string run, double? syntheticShare)
    {
        var path = Path.Combine(run, TrainContract.MetricsFile);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var m = JsonSerializer.Deserialize<MetricsLine>(line, Lines) ?? throw new InvalidDataException($"{path}: empty line");
            Curves.Train(events, m.Step, m.Loss, m.LearningRate, m.GradNorm, syntheticShare);
        }
    }

    /// <summary>New tokens so far at the end of each shard, by samples so far (the speed is not stored).</summary>
    static void Generate(EventWriter events, string corpus)
    {
        var (samples, tokens) = (0L, 0L);
        foreach (var shard in Directory.EnumerateFiles(Path.Combine(corpus, "shards"), "shard_*.json").Order(StringComparer.Ordinal))
        {
            var counts = Json.Read<ShardLine>(shard);
            (samples, tokens) = (samples + counts.Samples, tokens + counts.GeneratedTokens);
            events.Scalar(Curves.GeneratedTokens, samples, tokens);
        }
    }

    static void Score(EventWriter events, string evaluation)
    {
        foreach (var (folder, step) in Directory.EnumerateDirectories(evaluation).Select(f => (f, RunLayout.StepOf(Path.GetFileName(f))))
            .Where(x => x.Item2 is not null).OrderBy(x => x.Item2))
            Curves.Checkpoint(events, folder, step!.Value);
    }

    sealed record MetricsLine(long Step, double Loss, double LearningRate, double GradNorm);

    sealed record ShardLine(int Samples, long GeneratedTokens);
}
