using ContrastivePipeline.Model;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// A checkpoint's <see cref="Llama"/> rearranged for scoring: the same weights, q/k/v and gate/up each fused into one
/// matrix, every matrix stored [in, out]. Groups of candidates run packed, a shared prefix once
/// for all its members, and only the positions that are scored go through the last layer and the output head.
/// The plain <see cref="Llama"/> behind <see cref="ModelScorer"/> stays the oracle it is tested against.
/// </summary>
internal sealed class ScoringLlama : IDisposable
{
    readonly InferenceWeights weights;
    readonly Tensor embed, norm, lmHead; // [V, C], [C], [C, V]
    readonly LayerWeights[] layers;

    public ScoringLlama(Llama model)
    {
        Shape = model.Shape;
        (embed, norm, lmHead, layers) = weights = InferenceWeights.From(model);
    }

    public ModelShape Shape { get; }

    /// <summary>
    /// Hidden states [B, Q, C] before the final norm at the offsets <paramref name="wanted"/> [B, Q] of the rows
    /// <paramref name="tokens"/> [B, L] at RoPE positions [B, L], each query looking where <paramref name="mask"/>
    /// [B, 1, L, L] is 0 (<see cref="PackedBatch"/>). The last layer runs attention and MLP for the wanted offsets only:
    /// nothing reads the others' outputs.
    /// </summary>
    public Tensor Packed(Tensor tokens, Tensor positions, Tensor mask, Tensor wanted)
    {
        var (b, t, c, nh, d, q) = (tokens.shape[0], tokens.shape[1], Shape.Hidden, Shape.Heads, Shape.HeadSize, wanted.shape[1]);
        var (cos, sin) = Rope.Tables(positions, d);                                        // [B, 1, L, d] each
        var x = embed.index_select(0, tokens.flatten()).view(b, t, c);                     // [B, L, C]
        for (var l = 0; l < layers.Length; l++)
        {
            var w = layers[l];
            var qkv = RmsNorm.Normalize(x, w.InputNorm).matmul(w.Qkv).view(b, t, 3, nh, d).permute(2, 0, 3, 1, 4); // [3, B, nh, L, d]
            var k = Rope.Apply(qkv[1], cos, sin);                                          // [B, nh, L, d]
            var (query, queryCos, querySin, see) = (qkv[0], cos, sin, mask);
            if (l == layers.Length - 1)
            {
                var at = wanted.view(b, 1, q, 1);
                (query, queryCos, querySin) = (query.gather(2, at.expand(b, nh, q, d)), cos.gather(2, at.expand(b, 1, q, d)),
                    sin.gather(2, at.expand(b, 1, q, d)));                                  // [B, nh, Q, d], [B, 1, Q, d] each
                see = mask.gather(2, at.expand(b, 1, q, t));                               // [B, 1, Q, L]
                x = x.gather(1, wanted.unsqueeze(-1).expand(b, q, c));                     // [B, Q, C]
            }
            var y = F.scaled_dot_product_attention(Rope.Apply(query, queryCos, querySin), k, qkv[2], see); // [B, nh, L or Q, d]
            x = x.add(y.transpose(1, 2).reshape(b, y.shape[2], c).matmul(w.O), Scalars.One); // [B, L or Q, C]
            var gateUp = RmsNorm.Normalize(x, w.PostNorm).matmul(w.GateUp).chunk(2, -1);  // [B, L or Q, I] each
            x = x.add((F.silu(gateUp[0]) * gateUp[1]).matmul(w.Down), Scalars.One);        // [B, L or Q, C]
        }
        return x;
    }

    /// <summary>log p(target) [M] in fp32 for hidden states [M, C] (before the final norm) and targets [M].</summary>
    public Tensor LogProbs(Tensor hidden, Tensor targets)
    {
        var logits = RmsNorm.Normalize(hidden, norm).matmul(lmHead);                      // [M, V]
        var picked = logits.gather(-1, targets.unsqueeze(-1)).squeeze(-1);                // [M]
        return logits.logsumexp(-1).neg_().add_(picked, Scalars.One);                     // [M]
    }

    public void Dispose() => weights.Dispose();
}
