using System.Diagnostics;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tokenization;
using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Scores token sequences with a Llama: the batch is right-padded (a causal model never looks right, so padding needs
/// no mask), log-softmax in fp32, and the log-prob of each next token summed by the caller in double. The simple path:
/// the oracle that <see cref="SharedPrefixScorer"/> is tested against.
/// </summary>
internal sealed class ModelScorer(Llama model, Device device) : ISequenceScorer
{
    /// <summary>Where the calls' time went (for the profile in BENCHMARKS.md): forward, log-softmax + gather, copy out.</summary>
    public (TimeSpan Forward, TimeSpan LogSoftmax, TimeSpan Copy) Time { get; private set; }

    /// <summary>Positions through the model, padding included (every one also goes through the head).</summary>
    public long Positions { get; private set; }

    public double[][] LogProbs(IReadOnlyList<int[]> sequences)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var clock = Stopwatch.StartNew();
        var length = sequences.Max(s => s.Length);
        var flat = new long[sequences.Count * length];
        Array.Fill(flat, SpecialTokens.Pad);
        for (var row = 0; row < sequences.Count; row++)
        {
            for (var i = 0; i < sequences[row].Length; i++)
                flat[row * length + i] = sequences[row][i];
        }
        var tokens = tensor(flat, [sequences.Count, length], device: device);                       // [B, T]
        var logits = model.call(tokens, Llama.Positions(length, device)).to(ScalarType.Float32);   // [B, T, V]
        var forward = clock.Elapsed;
        var logProbs = nn.functional.log_softmax(logits[.., ..^1], dim: -1);                        // [B, T-1, V]
        var picked = logProbs.gather(-1, tokens[.., 1..].unsqueeze(-1)).squeeze(-1).cpu();          // [B, T-1]
        var softmax = clock.Elapsed;
        var values = picked.data<float>().ToArray();
        double[][] result = [.. sequences.Select((s, row) =>
            values.AsSpan(row * (length - 1), s.Length - 1).ToArray().Select(v => (double)v).ToArray())];
        Positions += sequences.Count * length;
        Time = (Time.Forward + forward, Time.LogSoftmax + softmax - forward, Time.Copy + clock.Elapsed - softmax);
        return result;
    }
}
