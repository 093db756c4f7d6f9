using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>One decoder layer's weights for inference, [in, out]: q/k/v side by side [C, 3C], gate/up [C, 2I].</summary>
internal sealed record LayerWeights(Tensor InputNorm, Tensor Qkv, Tensor O, Tensor PostNorm, Tensor GateUp, Tensor Down)
{
    public IEnumerable<Tensor> All => [InputNorm, Qkv, O, PostNorm, GateUp, Down];
}
