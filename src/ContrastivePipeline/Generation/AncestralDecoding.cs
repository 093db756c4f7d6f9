using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>Plain sampling from GOOD at temperature tau (the paper's No-Contrast / vanilla corpus).</summary>
internal sealed class AncestralDecoding(double temperature) : Decoding(temperature)
{
    readonly double temperature = temperature;

    public override bool UsesBad => false;

    public override (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad)
    {
        using var tau = temperature.ToScalar();
        return ((good / tau).log_softmax(-1), null); // [B, V]
    }
}
