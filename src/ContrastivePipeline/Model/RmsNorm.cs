using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>Root-mean-square norm with a learned gain and no bias (HF LlamaRMSNorm, eps 1e-6).</summary>
internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    public const double Eps = 1e-6;
    static readonly Scalar eps = Eps.ToScalar();
    readonly Parameter weight;

    public RmsNorm(int size) : base(nameof(RmsNorm))
    {
        weight = nn.Parameter(ones(size));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Normalize(x, weight);

    /// <summary>x / rms(x) * weight over the last dimension; the cached generation path shares it.</summary>
    public static Tensor Normalize(Tensor x, Tensor weight)
    {
        var scale = x.pow(Scalars.Two).mean([-1], keepdim: true).add_(eps, Scalars.One).rsqrt_(); // [B, T, 1]
        return x * scale * weight;                                                                  // [B, T, C]
    }
}
