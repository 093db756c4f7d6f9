using System.Diagnostics;
using System.Text.Json;
using ContrastivePipeline.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// Training speed on random tokens through the trainer's own <see cref="GradientStep"/>, printed as one JSON line.
/// MFU = train_gflops / matmul_gflops, where matmul_gflops is a 2048^3 fp32 product on the same threads.
/// </summary>
public static class TrainBenchmark
{
    /// <summary>Entry for a CLI verb: parses shape overrides, prints the JSON line, returns an exit code.</summary>
    public static int Command(string[] args)
    {
        Console.WriteLine(JsonSerializer.Serialize(Run(BenchmarkShape.Parse(args)), Json.Canonical));
        return 0;
    }

    public static BenchmarkResult Run(BenchmarkShape shape)
    {
        set_num_threads(shape.Threads);
        manual_seed(0);
        var config = new Configuration.TrainConfig { BatchSize = shape.Batch, GradClip = 1.0, WeightDecay = 0.1 };
        using var model = new Llama(shape.Model);
        using var optimizer = new AdamW(model.parameters(), config.WeightDecay);
        var step = new GradientStep(model, optimizer, config.GradClip);
        var data = new RandomBatches(shape.Model.Vocab, seed: 0);
        var batch = new long[shape.Batch * shape.Model.Context];
        using var positions = Llama.Positions(shape.Model.Context - 1, CPU);
        model.train();
        var clock = new Stopwatch();
        for (var i = 0; i < shape.WarmupSteps + shape.TimedSteps; i++)
        {
            if (i == shape.WarmupSteps)
                clock.Start();
            using var scope = NewDisposeScope();
            data.Fill(i, batch);
            step.Take(tensor(batch, [shape.Batch, shape.Model.Context]), positions, 1e-4, i);
        }
        var tokensPerS = (double)batch.Length * shape.TimedSteps / clock.Elapsed.TotalSeconds;
        var trainGflops = tokensPerS * shape.Model.TrainFlopsPerToken / 1e9;
        var matmulGflops = MatmulGflops();
        return new BenchmarkResult("ours", shape, tokensPerS, trainGflops, matmulGflops, trainGflops / matmulGflops);
    }

    static double MatmulGflops()
    {
        const int n = 2048;
        using var a = randn(n, n);
        using var b = randn(n, n);
        mm(a, b).Dispose();
        const int repeats = 5;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
            mm(a, b).Dispose();
        return 2.0 * n * n * n * repeats / clock.Elapsed.TotalSeconds / 1e9;
    }
}
