using ContrastivePipeline.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Model;

/// <summary>
/// HF LlamaForCausalLM written out the slow, obvious way from a state dict: explicit mask and softmax, rotary
/// embeddings pair by pair with the angles in double. The fast model is tested against it.
/// </summary>
internal static class SlowLlama
{
    public static Tensor Forward(Dictionary<string, Tensor> w, ModelShape shape, Tensor tokens)
    {
        var (b, t, c, nh, d) = (tokens.shape[0], tokens.shape[1], shape.Hidden, shape.Heads, shape.HeadSize);
        var x = w["model.embed_tokens.weight"].index_select(0, tokens.flatten()).view(b, t, c);
        var (cos, sin) = Angles(t, d);
        var mask = ones(t, t, ScalarType.Bool).triu(1);
        for (var l = 0; l < shape.Layers; l++)
        {
            var p = $"model.layers.{l}.";
            var h = Norm(x, w[p + "input_layernorm.weight"]);
            Tensor Heads(string name) => h.matmul(w[p + $"self_attn.{name}.weight"].t()).view(b, t, nh, d).transpose(1, 2);
            var q = Rotate(Heads("q_proj"), cos, sin);
            var k = Rotate(Heads("k_proj"), cos, sin);
            var scores = q.matmul(k.transpose(-2, -1)).div(Math.Sqrt(d)).masked_fill(mask, double.NegativeInfinity);
            var y = scores.softmax(-1).matmul(Heads("v_proj")).transpose(1, 2).reshape(b, t, c);
            x = x + y.matmul(w[p + "self_attn.o_proj.weight"].t());
            h = Norm(x, w[p + "post_attention_layernorm.weight"]);
            var gate = h.matmul(w[p + "mlp.gate_proj.weight"].t());
            var up = h.matmul(w[p + "mlp.up_proj.weight"].t());
            x = x + (gate * gate.sigmoid() * up).matmul(w[p + "mlp.down_proj.weight"].t());
        }
        return Norm(x, w["model.norm.weight"]).matmul(w["lm_head.weight"].t());
    }

    static Tensor Norm(Tensor x, Tensor weight) => weight * (x / (x.square().mean([-1], keepdim: true) + 1e-6).sqrt());

    static (double[,] Cos, double[,] Sin) Angles(long t, long d)
    {
        var (cos, sin) = (new double[t, d / 2], new double[t, d / 2]);
        for (var pos = 0; pos < t; pos++)
            for (var i = 0; i < d / 2; i++)
            {
                var angle = pos / Math.Pow(10000, 2.0 * i / d);
                (cos[pos, i], sin[pos, i]) = (Math.Cos(angle), Math.Sin(angle));
            }
        return (cos, sin);
    }

    // HF's rotate_half pairs dimension i with i + d/2 and turns each pair by the position's angle.
    static Tensor Rotate(Tensor x, double[,] cos, double[,] sin)
    {
        var d = x.shape[^1];
        var result = x.clone();
        for (var pos = 0; pos < x.shape[2]; pos++)
            for (var i = 0; i < d / 2; i++)
            {
                var (a, b) = (x[.., .., pos, i], x[.., .., pos, i + d / 2]);
                result[.., .., pos, i] = a * cos[pos, i] - b * sin[pos, i];
                result[.., .., pos, i + d / 2] = b * cos[pos, i] + a * sin[pos, i];
            }
        return result;
    }
}
