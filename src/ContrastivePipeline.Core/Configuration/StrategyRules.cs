namespace ContrastivePipeline.Configuration;

/// <summary>
/// What one decoding strategy reads and makes (PAPER.md 4): GOOD's plausibility head or not, a BAD to contrast with or
/// not, and the name of its corpus. One small type per <see cref="DecodingStrategy"/>, found by its <see cref="Kind"/>,
/// so settings and planning never switch on the strategy.
/// </summary>
public abstract class StrategyRules
{
    static readonly Dictionary<DecodingStrategy, StrategyRules> All = typeof(StrategyRules).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(StrategyRules)) && !t.IsAbstract)
        .Select(t => (StrategyRules)Activator.CreateInstance(t)!).ToDictionary(r => r.Kind);

    public static StrategyRules Of(DecodingStrategy strategy) =>
        All.TryGetValue(strategy, out var rules) ? rules : throw new InvalidOperationException($"strategy {strategy} has no rules type");

    public abstract DecodingStrategy Kind { get; }

    /// <summary>Its corpus and arms (a contrastive one adds the BAD's label when there are several BADs).</summary>
    public abstract string Corpus { get; }

    /// <summary>Samples on GOOD's plausibility head: reads generate.alpha, and generate.penalty outside the head.</summary>
    public virtual bool Head => false;

    /// <summary>Contrasts GOOD with a BAD: reads generate.lambda and a BAD checkpoint; one corpus per BAD.</summary>
    public virtual bool Contrast => false;
}
