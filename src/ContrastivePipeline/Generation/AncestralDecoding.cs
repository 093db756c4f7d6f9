using ContrastivePipeline.Configuration;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Plain sampling from GOOD at temperature tau (the paper's No-Contrast / vanilla corpus). The scores are the raw
/// logits over tau, as transformers' sampling sees them: a top-k/top-p cut then sets a logit to the penalty, as the
/// authors' warpers do (PAPER.md 4.3), not a log-probability, which would give the cut tokens other weights.
/// </summary>
internal sealed class AncestralDecoding(double temperature) : Decoding(temperature)
{
    readonly double temperature = temperature;

    public AncestralDecoding(AncestralStrategy strategy, GenerateConfig config) : this(config.Temperature) { }

    public override (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad)
    {
        using var tau = temperature.ToScalar();
        return (good / tau, null); // [B, V]
    }
}
