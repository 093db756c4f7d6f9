using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>
/// Causal multi-head self-attention with rotary embeddings (HF LlamaAttention, no GQA, no biases). Attention dropout
/// is active whenever the module is in training mode: the CD-DROP BAD model is the GOOD checkpoint run in train()
/// mode (PAPER.md 3.4).
/// </summary>
internal sealed class Attention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "q_proj")] readonly Linear qProj;
    [ComponentName(Name = "k_proj")] readonly Linear kProj;
    [ComponentName(Name = "v_proj")] readonly Linear vProj;
    [ComponentName(Name = "o_proj")] readonly Linear oProj;
    readonly int heads;
    readonly double dropout;

    public Attention(ModelShape shape, double dropout) : base(nameof(Attention))
    {
        qProj = nn.Linear(shape.Hidden, shape.Hidden, hasBias: false);
        kProj = nn.Linear(shape.Hidden, shape.Hidden, hasBias: false);
        vProj = nn.Linear(shape.Hidden, shape.Hidden, hasBias: false);
        oProj = nn.Linear(shape.Hidden, shape.Hidden, hasBias: false);
        heads = shape.Heads;
        this.dropout = dropout;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor cos, Tensor sin)
    {
        var (b, t, c) = (x.shape[0], x.shape[1], x.shape[2]);
        var q = qProj.call(x).view(b, t, heads, c / heads).transpose(1, 2); // [B, nh, T, d]
        var k = kProj.call(x).view(b, t, heads, c / heads).transpose(1, 2); // [B, nh, T, d]
        var v = vProj.call(x).view(b, t, heads, c / heads).transpose(1, 2); // [B, nh, T, d]
        q = Rope.Apply(q, cos, sin);
        k = Rope.Apply(k, cos, sin);
        var p = training ? dropout : 0.0;
        // is_causal aligns the mask top-left; once a KV cache makes keys longer than queries, pass an explicit mask.
        var y = nn.functional.scaled_dot_product_attention(q, k, v, p: p, is_casual: true); // [B, nh, T, d]
        return oProj.call(y.transpose(1, 2).reshape(b, t, c));                               // [B, T, C]
    }
}
