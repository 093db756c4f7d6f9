using System.Diagnostics;
using System.Text.Json;
using ContrastivePipeline.TensorBoard;

namespace ContrastivePipeline.Training;

/// <summary>
/// The cost of a training run's TensorBoard curves at its log rate (every optimiser step: loss, learning rate, grad
/// norm, tokens/s, synthetic share), written by our <see cref="EventWriter"/> and by TorchSharp's SummaryWriter, for
/// --steps steps (the paper's 8000 by default) into --folder (a temporary one by default; give one on a cluster's shared
/// filesystem to measure there). One JSON line per writer.
/// </summary>
internal static class EventsBenchmark
{
    static readonly string[] Tags = [Curves.Loss, Curves.LearningRate, Curves.GradNorm, Curves.TokensPerSecond, Curves.SyntheticShare];

    public static int Command(string[] args)
    {
        var (steps, root) = (8000, (string?)null);
        foreach (var arg in args)
        {
            if (arg.StartsWith("--steps=", StringComparison.Ordinal))
                steps = int.Parse(arg["--steps=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            else if (arg.StartsWith("--folder=", StringComparison.Ordinal))
                root = arg["--folder=".Length..];
            else
                throw new ArgumentException($"unknown option '{arg}'; allowed: --steps=<n> --folder=<folder>");
        }
        root ??= Directory.CreateTempSubdirectory("events-benchmark-").FullName;
        Print("ours", steps, Path.Combine(root, "ours"), folder =>
        {
            using var events = new EventWriter(folder, "Train");
            return Time(steps, (tag, step, value) => events.Scalar(tag, step, value), events.Flush);
        });
        Print("torchsharp", steps, Path.Combine(root, "torchsharp"), folder =>
        {
            var writer = TorchSharp.torch.utils.tensorboard.SummaryWriter(folder);
            return Time(steps, (tag, step, value) => writer.add_scalar(tag, (float)value, (int)step), () => { });
        });
        return 0;
    }

    static TimeSpan Time(int steps, Action<string, long, double> scalar, Action flush)
    {
        var clock = Stopwatch.StartNew();
        for (var step = 1; step <= steps; step++)
        {
            for (var i = 0; i < Tags.Length; i++)
                scalar(Tags[i], step, 1.0 / (step + i));
            flush();
        }
        return clock.Elapsed;
    }

    static void Print(string writer, int steps, string folder, Func<string, TimeSpan> run)
    {
        var elapsed = run(folder);
        var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            Writer = writer,
            Steps = steps,
            ScalarsPerStep = Tags.Length,
            Seconds = Math.Round(elapsed.TotalSeconds, 3),
            MicrosecondsPerStep = Math.Round(elapsed.TotalMicroseconds / steps, 1),
            Bytes = bytes,
        }, Json.Canonical));
    }
}
