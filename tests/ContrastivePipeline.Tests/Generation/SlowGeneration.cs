using ContrastivePipeline.Generation;
using ContrastivePipeline.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Generation;

/// <summary>
/// The obviously-right sampler the fast loop is tested against: one sample at a time, no padding, no cache: the
/// whole sequence goes through <see cref="Llama"/>'s own forward at every step, and the token is found by walking
/// the cumulative distribution in double.
/// </summary>
internal static class SlowGeneration
{
    public static long[] Sample(Llama good, Llama? bad, Decoding decoding, Truncation truncation, int[] prefix, double[] uniforms)
    {
        using var _ = no_grad();
        var sequence = prefix.Select(t => (long)t).ToList();
        foreach (var u in uniforms)
        {
            using var scope = NewDisposeScope();
            var tokens = tensor(sequence.ToArray(), [1, sequence.Count]);
            var positions = Llama.Positions(sequence.Count, CPU);
            var goodLogits = good.call(tokens, positions)[.., -1];            // [1, V]
            var badLogits = bad?.call(tokens, positions)[.., -1];             // [1, V]
            var (scores, _) = decoding.Scores(goodLogits, badLogits);
            sequence.Add(Draw(truncation.Apply(scores).to(ScalarType.Float64).data<double>().ToArray(), u));
        }
        return [.. sequence.Skip(prefix.Length)];
    }

    static long Draw(double[] scores, double u)
    {
        var max = scores.Max();
        var weights = scores.Select(s => Math.Exp(s - max)).ToArray();
        var target = u * weights.Sum();
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative > target)
                return i;
        }
        return weights.Length - 1;
    }
}
