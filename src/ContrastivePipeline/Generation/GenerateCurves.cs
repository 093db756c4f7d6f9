using System.Diagnostics;
using ContrastivePipeline.TensorBoard;

namespace ContrastivePipeline.Generation;

/// <summary>A generation's TensorBoard curves by samples so far: new tokens so far, and samples per second of this run.</summary>
/// <param name="done">What the finished shards of a killed attempt hold (zero on a fresh run).</param>
internal sealed class GenerateCurves(EventWriter events, ShardCounts done)
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    long samples = done.Samples, tokens = done.GeneratedTokens, samplesThisRun;

    public void Batch(ShardCounts batch)
    {
        samples += batch.Samples;
        tokens += batch.GeneratedTokens;
        samplesThisRun += batch.Samples;
        events.Scalar(Curves.GeneratedTokens, samples, tokens);
        events.Scalar(Curves.SamplesPerSecond, samples, samplesThisRun / clock.Elapsed.TotalSeconds);
        events.Flush();
    }
}
