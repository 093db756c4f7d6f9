using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContrastivePipeline.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Generation speed with random weights, printed as one JSON line (BENCHMARKS.md, "Generation"): ancestral sampling
/// from GOOD, and contrastive decoding with a BAD of GOOD's size, through the step's own loop. Tokens per second
/// count new tokens only, with the prefill inside the timed region. Compare with <c>benchmarks/generate_reference.py</c>.
/// </summary>
public static class GenerationBenchmark
{
    static readonly ModelShape Shape = new(Layers: 4, Hidden: 256, Heads: 4, Intermediate: 1024, Context: 256, Vocab: 8192);

    /// <summary>Entry for a CLI verb; options <c>--prompts= --prefix= --new_tokens= --threads=</c> (integers).</summary>
    public static int Command(string[] args)
    {
        var options = new Dictionary<string, int> { ["prompts"] = 32, ["prefix"] = 20, ["new_tokens"] = 128, ["threads"] = 2 };
        foreach (var arg in args)
        {
            var parts = arg.TrimStart('-').Split('=', 2);
            if (parts.Length != 2 || !options.ContainsKey(parts[0]) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var value))
                throw new ArgumentException($"expected one of --{string.Join("= --", options.Keys)}= with an integer, got '{arg}'");
            options[parts[0]] = value;
        }
        var (prompts, prefix, newTokens, threads) = (options["prompts"], options["prefix"], options["new_tokens"], options["threads"]);
        set_num_threads(threads);
        manual_seed(0);
        using var goodModel = new Llama(Shape);
        using var badModel = new Llama(Shape);
        using var good = new CachedLlama(goodModel);
        using var bad = new CachedLlama(badModel);
        var random = new Random(0);
        var batch = PromptBatch.Build(Enumerable.Range(0, prompts)
            .Select(i => (i, (int[])[1, .. Enumerable.Range(1, prefix - 1).Select(_ => random.Next(4, Shape.Vocab))])), prefix, 1);
        var off = new Truncation(null, null, -20);
        var ancestral = new GenerationLoop(good, null, new AncestralDecoding(1.0), off, CPU);
        var contrastive = new GenerationLoop(good, bad, new ContrastiveDecoding(1.0, 0.1, 1.0, -20), off, CPU);
        ancestral.Run(batch, 8, 0);
        contrastive.Run(batch, 8, 0);
        double TokensPerS(GenerationLoop loop)
        {
            var clock = Stopwatch.StartNew();
            loop.Run(batch, newTokens, 0);
            return (double)prompts * newTokens / clock.Elapsed.TotalSeconds;
        }
        var ancestralSpeed = TokensPerS(ancestral);
        var contrastiveSpeed = TokensPerS(contrastive);
        var (forwardMs, samplingMs) = Split(good, batch, newTokens);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            implementation = "torchsharp",
            prompts,
            prefix_tokens = prefix,
            new_tokens = newTokens,
            threads,
            ancestral_tokens_per_s = ancestralSpeed,
            contrastive_tokens_per_s = contrastiveSpeed,
            contrastive_over_ancestral = contrastiveSpeed / ancestralSpeed,
            forward_ms_per_step = forwardMs,
            ancestral_sampling_ms_per_step = samplingMs,
        }));
        return 0;
    }

    /// <summary>Where an ancestral step's time goes: GOOD's cached forward alone, and scores plus sampling alone.</summary>
    static (double ForwardMs, double SamplingMs) Split(CachedLlama good, PromptBatch batch, int steps)
    {
        using var _ = no_grad();
        var rows = batch.Rows.Count;
        using var cache = good.NewCache(rows, batch.Length + steps, CPU);
        using var mask = zeros([rows, 1, 1, batch.Length + steps]);
        using var prefill = zeros([rows, 1, batch.Length, batch.Length]);
        good.Forward(tensor(batch.Tokens, [rows, batch.Length]), tensor(batch.Positions, [rows, batch.Length]), prefill, cache).Dispose();
        using var token = ones([rows, 1], ScalarType.Int64);
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < steps - 1; s++)
        {
            using var scope = NewDisposeScope();
            using var position = (batch.Length + s).ToScalar();
            good.Forward(token, token * position, mask.narrow(3, 0, batch.Length + s + 1), cache);
        }
        var forwardMs = clock.Elapsed.TotalMilliseconds / (steps - 1);
        using var logits = randn(rows, Shape.Vocab);
        using var uniforms = rand(rows, dtype: ScalarType.Float64);
        var decoding = new AncestralDecoding(1.0);
        clock.Restart();
        for (var s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            Sampler.Sample(decoding.Scores(logits, null).Scores, uniforms);
        }
        return (forwardMs, clock.Elapsed.TotalMilliseconds / steps);
    }
}
