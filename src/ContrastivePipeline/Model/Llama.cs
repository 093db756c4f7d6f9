using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>
/// The paper's Llama-2-style causal language model (HF LlamaForCausalLM, PAPER.md 3.1): untied output head, no biases.
/// Parameter names are the Hugging Face ones (<c>model.layers.0.self_attn.q_proj.weight</c>, <c>lm_head.weight</c>),
/// so exporting is a copy.
/// </summary>
internal sealed class Llama : nn.Module<Tensor, Tensor, Tensor>
{
    readonly LlamaModel model;
    [ComponentName(Name = "lm_head")] readonly Linear lmHead;

    /// <param name="attentionDropout">Attention dropout, active only in training mode (the CD-DROP BAD model).</param>
    public Llama(ModelShape shape, double attentionDropout = 0.0) : base(nameof(Llama))
    {
        Shape = shape;
        model = new LlamaModel(shape, attentionDropout);
        lmHead = nn.Linear(shape.Hidden, shape.Vocab, hasBias: false);
        RegisterComponents();
        InitializeWeights();
    }

    public ModelShape Shape { get; }

    /// <summary>Next-token logits [B, T, V] for tokens [B, T] at positions [B, T] (or [1, T]).</summary>
    public override Tensor forward(Tensor tokens, Tensor positions) =>
        lmHead.call(model.call(tokens, positions)); // [B, T, V]

    /// <summary>Positions 0..length-1 as [1, T], shared by every row of an unpadded batch.</summary>
    public static Tensor Positions(long length, Device device)
    {
        using var stop = length.ToScalar();
        return arange(Scalars.Zero, stop, Scalars.One, ScalarType.Int64, device).unsqueeze(0);
    }

    // HF LlamaPreTrainedModel: every matrix ~ N(0, 0.02); the norm gains start at 1.
    void InitializeWeights()
    {
        using var _ = no_grad();
        foreach (var p in parameters().Where(p => p.dim() == 2))
            nn.init.normal_(p, 0.0, 0.02);
    }
}
