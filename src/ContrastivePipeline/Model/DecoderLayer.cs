using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>One pre-norm block: x + attn(norm(x)), then x + mlp(norm(x)).</summary>
internal sealed class DecoderLayer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "input_layernorm")] readonly RmsNorm inputLayernorm;
    [ComponentName(Name = "self_attn")] readonly Attention selfAttn;
    [ComponentName(Name = "post_attention_layernorm")] readonly RmsNorm postAttentionLayernorm;
    readonly Mlp mlp;

    public DecoderLayer(ModelShape shape, double attentionDropout) : base(nameof(DecoderLayer))
    {
        inputLayernorm = new RmsNorm(shape.Hidden);
        selfAttn = new Attention(shape, attentionDropout);
        postAttentionLayernorm = new RmsNorm(shape.Hidden);
        mlp = new Mlp(shape);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor cos, Tensor sin)
    {
        x = x.add(selfAttn.call(inputLayernorm.call(x), cos, sin), Scalars.One); // [B, T, C]
        return x.add(mlp.call(postAttentionLayernorm.call(x)), Scalars.One);      // [B, T, C]
    }
}
