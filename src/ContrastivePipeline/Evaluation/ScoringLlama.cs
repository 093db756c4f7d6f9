using ContrastivePipeline.Model;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// A checkpoint's <see cref="Llama"/> rearranged for scoring: the same weights, q/k/v and gate/up each fused into one
/// matrix, every matrix stored [in, out]. A batch of shared prefixes runs once and leaves its keys and values; the
/// candidates' own tokens then run against them, and only the positions that are scored go through the output head.
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
    /// Keys and values [G, nh, S, d] of every layer for prefixes [G, S], right-padded, at positions 0..S-1, and when
    /// <paramref name="scored"/> the hidden states [G, S, C] before the final norm (else the last layer stops at its keys).
    /// </summary>
    public (Tensor[] Keys, Tensor[] Values, Tensor? Hidden) Prefix(Tensor tokens, bool scored)
    {
        var (keys, values) = (new Tensor[layers.Length], new Tensor[layers.Length]);
        var hidden = Run(tokens, Llama.Positions(tokens.shape[1], tokens.device), null, null, (keys, values, scored));
        return (keys, values, scored ? hidden : null);
    }

    /// <summary>
    /// Hidden states [N, T, C] before the final norm for tokens [N, T] at positions [N, T]. With <paramref name="past"/>
    /// ([N, nh, S, d] per layer) the keys are past + own, and <paramref name="mask"/> [N, 1, T, S + T] (0 where a query
    /// may look, -inf elsewhere) says which; without, attention is causal over the row's own tokens.
    /// </summary>
    public Tensor Suffix(Tensor tokens, Tensor positions, Tensor? mask, (Tensor[] Keys, Tensor[] Values)? past) =>
        Run(tokens, positions, mask, past, null);

    /// <summary>log p(target) [M] in fp32 for hidden states [M, C] (before the final norm) and targets [M].</summary>
    public Tensor LogProbs(Tensor hidden, Tensor targets)
    {
        var logits = RmsNorm.Normalize(hidden, norm).matmul(lmHead);                      // [M, V]
        var picked = logits.gather(-1, targets.unsqueeze(-1)).squeeze(-1);                // [M]
        return logits.logsumexp(-1).neg_().add_(picked, Scalars.One);                     // [M]
    }

    Tensor Run(Tensor tokens, Tensor positions, Tensor? mask, (Tensor[] Keys, Tensor[] Values)? past, (Tensor[] Keys, Tensor[] Values, bool Scored)? keep)
    {
        var (b, t, c, nh, d) = (tokens.shape[0], tokens.shape[1], Shape.Hidden, Shape.Heads, Shape.HeadSize);
        var (cos, sin) = Rope.Tables(positions, d);                                        // [B, 1, T, d] each
        var x = embed.index_select(0, tokens.flatten()).view(b, t, c);                     // [B, T, C]
        for (var l = 0; l < layers.Length; l++)
        {
            var w = layers[l];
            var qkv = RmsNorm.Normalize(x, w.InputNorm).matmul(w.Qkv).view(b, t, 3, nh, d).permute(2, 0, 3, 1, 4); // [3, B, nh, T, d]
            var q = Rope.Apply(qkv[0], cos, sin);                                          // [B, nh, T, d]
            var k = Rope.Apply(qkv[1], cos, sin);                                          // [B, nh, T, d]
            var v = qkv[2];                                                                // [B, nh, T, d]
            if (keep is var (keptKeys, keptValues, scored))
            {
                (keptKeys[l], keptValues[l]) = (k, v);
                if (l == layers.Length - 1 && !scored)
                    return x; // a prefix that is only looked at: its last layer's attention and MLP outputs go nowhere
            }
            if (past is var (pastKeys, pastValues))
                (k, v) = (cat([pastKeys[l], k], 2), cat([pastValues[l], v], 2));          // [B, nh, S + T, d] each
            var y = mask is null
                ? F.scaled_dot_product_attention(q, k, v, is_casual: true)
                : F.scaled_dot_product_attention(q, k, v, mask);                           // [B, nh, T, d]
            x = x.add(y.transpose(1, 2).reshape(b, t, c).matmul(w.O), Scalars.One);        // [B, T, C]
            var gateUp = RmsNorm.Normalize(x, w.PostNorm).matmul(w.GateUp).chunk(2, -1);  // [B, T, I] each
            x = x.add((F.silu(gateUp[0]) * gateUp[1]).matmul(w.Down), Scalars.One);        // [B, T, C]
        }
        return x;
    }

    public void Dispose() => weights.Dispose();

}
