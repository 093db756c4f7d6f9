using ContrastivePipeline.Configuration;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Contrastive decoding as the authors sample it (PAPER.md 4.1): log p_GOOD - lambda * log p_BAD on GOOD's
/// plausibility head, the penalty (paper -20, not -inf) everywhere else.
/// </summary>
internal sealed class ContrastiveDecoding(double temperature, double alpha, double lambda, double penalty) : Decoding(temperature)
{
    public ContrastiveDecoding(ContrastiveStrategy strategy, GenerateConfig config)
        : this(config.Temperature, config.Alpha, config.Lambda, config.Penalty) { }

    public override (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var pGood = Probabilities(good);                                                 // [B, V]
        var head = Head(pGood, alpha);                                                   // [B, V]
        using var weight = lambda.ToScalar();
        using var cut = penalty.ToScalar();
        var contrast = Log(pGood) - Log(Probabilities(bad)) * weight; // [B, V]
        return (contrast.masked_fill(head.logical_not(), cut), head);
    }
}
