using ContrastivePipeline.Configuration;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>The control No-Contrast-V-Head (PAPER.md 4.3): log p_GOOD on the same head, the penalty elsewhere, no BAD.</summary>
internal sealed class HeadOnlyDecoding(double temperature, double alpha, double penalty) : Decoding(temperature)
{
    public HeadOnlyDecoding(HeadOnlyStrategy strategy, GenerateConfig config) : this(config.Temperature, config.Alpha, config.Penalty) { }

    public override (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad)
    {
        var pGood = Probabilities(good); // [B, V]
        var head = Head(pGood, alpha);   // [B, V]
        using var cut = penalty.ToScalar();
        return (Log(pGood).masked_fill(head.logical_not(), cut), head);
    }
}
