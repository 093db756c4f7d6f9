using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>One decoder layer's weights as <see cref="CachedLlama"/> uses them: q/k/v stacked [3C, C], gate/up stacked [2I, C].</summary>
internal sealed record LayerWeights(Tensor InputNorm, Tensor Qkv, Tensor O, Tensor PostNorm, Tensor GateUp, Tensor Down)
{
    public IEnumerable<Tensor> All => [InputNorm, Qkv, O, PostNorm, GateUp, Down];
}
