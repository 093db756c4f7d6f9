using ContrastivePipeline.Configuration;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// A decoding strategy: scores [B, V] to sample from (through softmax) from GOOD's and, where used, BAD's logits,
/// plus the plausibility head [B, V] where the strategy has one. Temperature divides both models' logits first
/// (PAPER.md 4.1); log-probabilities are log(p + 1e-10) as in the authors' processor.
/// </summary>
internal abstract class Decoding(double temperature)
{
    protected const double Epsilon = 1e-10;

    public abstract bool UsesBad { get; }

    public abstract (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad);

    protected Tensor Probabilities(Tensor logits) => (logits / temperature).softmax(-1); // [B, V]

    /// <summary>V_head = { x : p_GOOD(x) > alpha * max p_GOOD } (strict, as in the paper).</summary>
    protected static Tensor Head(Tensor pGood, double alpha) => pGood > pGood.amax([-1], keepdim: true) * alpha; // [B, V]

    public static Decoding For(DecodingStrategy strategy, GenerateConfig config) => strategy switch
    {
        DecodingStrategy.Ancestral => new AncestralDecoding(config.Temperature),
        DecodingStrategy.Contrastive => new ContrastiveDecoding(config.Temperature, config.Alpha, config.Lambda, config.Penalty),
        DecodingStrategy.HeadOnly => new HeadOnlyDecoding(config.Temperature, config.Alpha, config.Penalty),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };
}
