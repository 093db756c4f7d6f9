using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>
/// Rotary position embeddings as HF Llama computes them (theta 10000, the rotate-half pairing of dimension i with
/// i + d/2). Positions are explicit per row, so left-padded prompts and a KV cache only need the right positions.
/// </summary>
internal static class Rope
{
    public const double Theta = 10000.0;

    /// <summary>cos and sin tables [B, 1, T, d] for positions [B, T] (or [1, T]), broadcast over heads.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(Tensor positions, int headSize)
    {
        using var size = headSize.ToScalar();
        using var theta = tensor(Theta, device: positions.device); // TorchSharp's pow takes a tensor base; float32 exponents keep it float32
        var exponents = arange(Scalars.Zero, size, Scalars.Two, ScalarType.Int64, positions.device).to(ScalarType.Float32).div(size);
        var inverseFrequency = pow(theta, exponents).reciprocal_();                          // [d/2]
        var angles = positions.to(ScalarType.Float32).unsqueeze(-1) * inverseFrequency;      // [B, T, d/2]
        var both = cat([angles, angles], dim: -1).unsqueeze(1);                               // [B, 1, T, d]
        return (both.cos(), both.sin());
    }

    /// <summary>Rotates queries or keys [B, nh, T, d].</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin) => (x * cos).add(RotateHalf(x) * sin, Scalars.One);

    static Tensor RotateHalf(Tensor x)
    {
        var half = (int)(x.shape[^1] / 2);
        return cat([-x[.., .., .., half..], x[.., .., .., ..half]], dim: -1);
    }
}
