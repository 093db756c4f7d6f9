using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>SwiGLU feed-forward: down(silu(gate(x)) * up(x)), no biases.</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")] readonly Linear gateProj;
    [ComponentName(Name = "up_proj")] readonly Linear upProj;
    [ComponentName(Name = "down_proj")] readonly Linear downProj;

    public Mlp(ModelShape shape) : base(nameof(Mlp))
    {
        gateProj = nn.Linear(shape.Hidden, shape.Intermediate, hasBias: false);
        upProj = nn.Linear(shape.Hidden, shape.Intermediate, hasBias: false);
        downProj = nn.Linear(shape.Intermediate, shape.Hidden, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var gate = nn.functional.silu(gateProj.call(x)); // [B, T, I]
        return downProj.call(gate * upProj.call(x));     // [B, T, C]
    }
}
