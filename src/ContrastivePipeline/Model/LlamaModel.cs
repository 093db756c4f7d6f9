using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>The decoder trunk (HF LlamaModel): token embedding, the blocks, a final RMSNorm.</summary>
internal sealed class LlamaModel : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "embed_tokens")] readonly Embedding embedTokens;
    readonly ModuleList<DecoderLayer> layers;
    readonly RmsNorm norm;
    readonly int headSize;

    public LlamaModel(ModelShape shape, double attentionDropout) : base(nameof(LlamaModel))
    {
        embedTokens = nn.Embedding(shape.Vocab, shape.Hidden);
        layers = nn.ModuleList(Enumerable.Range(0, shape.Layers).Select(_ => new DecoderLayer(shape, attentionDropout)).ToArray());
        norm = new RmsNorm(shape.Hidden);
        headSize = shape.HeadSize;
        RegisterComponents();
    }

    /// <summary>Hidden states [B, T, C] for tokens [B, T] at positions [B, T] (or [1, T] for every row alike).</summary>
    public override Tensor forward(Tensor tokens, Tensor positions)
    {
        var (cos, sin) = Rope.Tables(positions, headSize); // [B, 1, T, d] each
        var x = embedTokens.call(tokens);                   // [B, T, C]
        foreach (var layer in layers)
            x = layer.call(x, cos, sin);                    // [B, T, C]
        return norm.call(x);                                // [B, T, C]
    }
}
