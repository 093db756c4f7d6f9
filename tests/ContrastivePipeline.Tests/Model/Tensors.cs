using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Model;

internal static class Tensors
{
    /// <summary>Same shape and bit-identical values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
