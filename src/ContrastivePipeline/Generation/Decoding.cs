using ContrastivePipeline.Configuration;
using ContrastivePipeline.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// A decoding strategy: scores [B, V] to sample from (through softmax) from GOOD's and, where used, BAD's logits,
/// plus the plausibility head [B, V] where the strategy has one. Temperature divides both models' logits first
/// (PAPER.md 4.1); log-probabilities are log(p + 1e-10) as in the authors' processor.
/// </summary>
internal abstract class Decoding(double temperature)
{
    static readonly Scalar epsilon = 1e-10.ToScalar();

    public abstract bool UsesBad { get; }

    public abstract (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad);

    protected Tensor Probabilities(Tensor logits) // [B, V]
    {
        using var tau = temperature.ToScalar();
        return (logits / tau).softmax(-1);
    }

    /// <summary>log(p + 1e-10), the authors' log-probabilities.</summary>
    protected static Tensor Log(Tensor p) => p.add(epsilon, Scalars.One).log_(); // [B, V]

    /// <summary>V_head = { x : p_GOOD(x) > alpha * max p_GOOD } (strict, as in the paper).</summary>
    protected static Tensor Head(Tensor pGood, double alpha) // [B, V]
    {
        using var a = alpha.ToScalar();
        return pGood > pGood.amax([-1], keepdim: true) * a;
    }

    public static Decoding For(DecodingStrategy strategy, GenerateConfig config) => strategy switch
    {
        DecodingStrategy.Ancestral => new AncestralDecoding(config.Temperature),
        DecodingStrategy.Contrastive => new ContrastiveDecoding(config.Temperature, config.Alpha, config.Lambda, config.Penalty),
        DecodingStrategy.HeadOnly => new HeadOnlyDecoding(config.Temperature, config.Alpha, config.Penalty),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };
}
