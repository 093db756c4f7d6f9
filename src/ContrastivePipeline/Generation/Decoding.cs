using System.Reflection;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// A decoding strategy: scores [B, V] to sample from (through softmax) from GOOD's and, where the strategy contrasts
/// (<see cref="DecodingStrategy.Contrast"/>, the one flag for it), BAD's logits,
/// plus the plausibility head [B, V] where the strategy has one. Temperature divides both models' logits first
/// (PAPER.md 4.1); log-probabilities are log(p + 1e-10) as in the authors' processor.
/// </summary>
internal abstract class Decoding(double temperature)
{
    static readonly Scalar epsilon = 1e-10.ToScalar();

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

    /// <summary>The sampling of <paramref name="strategy"/>: the Decoding class with a constructor (that strategy's type, GenerateConfig).</summary>
    public static Decoding For(DecodingStrategy strategy, GenerateConfig config)
    {
        Type[] parameters = [strategy.GetType(), typeof(GenerateConfig)];
        var constructor = typeof(Decoding).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Decoding)) && !t.IsAbstract)
            .Select(t => t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, parameters)).SingleOrDefault(c => c is not null)
            ?? throw new InvalidOperationException($"no Decoding class takes the {strategy} strategy: give one a constructor ({parameters[0].Name}, GenerateConfig)");
        return (Decoding)constructor.Invoke([strategy, config]);
    }
}
