using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>Root-mean-square norm with a learned gain and no bias (HF LlamaRMSNorm, eps 1e-6).</summary>
internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    public const double Eps = 1e-6;
    readonly Parameter weight;

    public RmsNorm(int size) : base(nameof(RmsNorm))
    {
        weight = nn.Parameter(ones(size));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var scale = x.pow(2).mean([-1], keepdim: true).add_(Eps).rsqrt_(); // [B, T, 1]
        return x * scale * weight;                                           // [B, T, C]
    }
}
