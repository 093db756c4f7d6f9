using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>
/// A <see cref="Llama"/>'s weights as the inference paths (generation's KV cache, evaluation's shared prefixes) use
/// them, read by their Hugging Face names: q/k/v and gate/up each fused into one matrix, every matrix transposed to
/// [in, out] so a product is x @ W without a transposed operand (about 10% faster at 32 rows, BENCHMARKS.md).
/// </summary>
internal sealed record InferenceWeights(Tensor Embed, Tensor Norm, Tensor LmHead, LayerWeights[] Layers) : IDisposable // [V, C], [C], [C, V]
{
    public static InferenceWeights From(Llama model)
    {
        using var _ = no_grad();
        var w = model.state_dict();
        Tensor Take(string name) => w[name].detach().clone();
        Tensor Inputs(params string[] names) => cat([.. names.Select(n => w[n])]).t().contiguous(); // [in, out]
        return new(Take("model.embed_tokens.weight"), Take("model.norm.weight"), Inputs("lm_head.weight"),
            [.. Enumerable.Range(0, model.Shape.Layers).Select(l =>
            {
                var p = $"model.layers.{l}.";
                return new LayerWeights(
                    Take(p + "input_layernorm.weight"),
                    Inputs(p + "self_attn.q_proj.weight", p + "self_attn.k_proj.weight", p + "self_attn.v_proj.weight"),
                    Inputs(p + "self_attn.o_proj.weight"),
                    Take(p + "post_attention_layernorm.weight"),
                    Inputs(p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight"),
                    Inputs(p + "mlp.down_proj.weight"));
            })]);
    }

    public void Dispose()
    {
        foreach (var t in Layers.SelectMany(l => l.All).Append(Embed).Append(Norm).Append(LmHead))
            t.Dispose();
    }
}
