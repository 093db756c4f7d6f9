using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Draws one token per row from softmax(scores) by inverse CDF in float64 with the row's own uniform number, so a
/// row's token depends only on its scores and its stream (not on the batch it shares, nor on torch's global RNG).
/// </summary>
internal static class Sampler
{
    /// <summary>Tokens [B] for scores [B, V] and uniforms [B] in [0, 1).</summary>
    public static Tensor Sample(Tensor scores, Tensor uniforms)
    {
        var cdf = scores.to(ScalarType.Float64).softmax(-1).cumsum(-1);   // [B, V]
        var target = uniforms.unsqueeze(1) * cdf[.., ^1..];               // [B, 1]
        var index = (cdf <= target).sum(-1, type: ScalarType.Int64);      // [B]: the first x with cdf(x) > target
        using var last = (scores.shape[^1] - 1).ToScalar();
        return index.clamp_max(last);
    }
}
