using ContrastivePipeline.Model;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ContrastivePipeline.Generation;

/// <summary>
/// The same Llama as <see cref="Llama"/>, read from its Hugging Face-named weights and run against a
/// <see cref="KvCache"/>: q/k/v and gate/up are each fused into one matrix (one product instead of three or two per
/// token step), every matrix is stored transposed ([in, out], so a step is x @ W without a transposed operand; about 10%
/// faster at 32 rows, BENCHMARKS.md), and only the last position goes through the output head. Kept beside the model rather than inside it
/// so that the model's training path stays as it is; the generation tests pin the two together (cached steps equal
/// a full recompute through <see cref="Llama"/>).
/// </summary>
internal sealed class CachedLlama : IDisposable
{
    readonly InferenceWeights weights;
    readonly Tensor embed, norm, lmHead; // [V, C], [C], [C, V]
    readonly LayerWeights[] layers;
    readonly double dropout;

    /// <param name="attentionDropout">Attention dropout kept on while sampling (the CD-DROP BAD model), else 0.</param>
    public CachedLlama(Llama model, double attentionDropout = 0.0)
    {
        Shape = model.Shape;
        dropout = attentionDropout;
        (embed, norm, lmHead, layers) = weights = InferenceWeights.From(model);
    }

    public ModelShape Shape { get; }

    /// <summary>True when attention dropout is on, so the logits draw on libtorch's global generator.</summary>
    public bool Stochastic => dropout > 0;

    public KvCache NewCache(long rows, long capacity, Device device) =>
        new(Shape.Layers, rows, Shape.Heads, capacity, Shape.HeadSize, device);

    /// <summary>
    /// Next-token logits [B, V] after tokens [B, T] at positions [B, T], appended to the cache. <paramref name="mask"/>
    /// is added to the attention scores [B, 1, T, cache.Length + T]: 0 where a query may look, -inf elsewhere.
    /// </summary>
    public Tensor Forward(Tensor tokens, Tensor positions, Tensor mask, KvCache cache)
    {
        var (b, t, c, nh, d) = (tokens.shape[0], tokens.shape[1], Shape.Hidden, Shape.Heads, Shape.HeadSize);
        var (cos, sin) = Rope.Tables(positions, d);                                   // [B, 1, T, d] each
        var x = embed.index_select(0, tokens.flatten()).view(b, t, c);                // [B, T, C]
        for (var l = 0; l < layers.Length; l++)
        {
            var w = layers[l];
            var qkv = RmsNorm.Normalize(x, w.InputNorm).matmul(w.Qkv).view(b, t, 3, nh, d).permute(2, 0, 3, 1, 4); // [3, B, nh, T, d]
            var q = Rope.Apply(qkv[0], cos, sin);                                     // [B, nh, T, d]
            var (keys, values) = cache.Append(l, Rope.Apply(qkv[1], cos, sin), qkv[2]); // [B, nh, L, d] each
            var y = F.scaled_dot_product_attention(q, keys, values, mask, dropout);   // [B, nh, T, d]
            x = x.add(y.transpose(1, 2).reshape(b, t, c).matmul(w.O), Scalars.One);      // [B, T, C]
            var gateUp = RmsNorm.Normalize(x, w.PostNorm).matmul(w.GateUp).chunk(2, -1); // [B, T, I] each
            x = x.add((F.silu(gateUp[0]) * gateUp[1]).matmul(w.Down), Scalars.One);      // [B, T, C]
        }
        cache.Advance(t);
        return RmsNorm.Normalize(x[.., -1], norm).matmul(lmHead);                     // [B, V]
    }

    public void Dispose() => weights.Dispose();
}
