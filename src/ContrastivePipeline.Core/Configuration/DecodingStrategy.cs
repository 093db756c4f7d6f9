using System.Text.Json.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// How the synthetic corpus is sampled (PAPER.md 4), and what that strategy reads and makes: GOOD's plausibility head
/// or not, a BAD to contrast with or not, and its name (its corpus's, in YAML and in JSON). One small type per strategy,
/// found by reflection, so settings and planning never switch on the strategy; its sampling is the Decoding class of
/// the step CLI that takes it. A new strategy is one such type and one Decoding class.
/// </summary>
[JsonConverter(typeof(DecodingStrategyJson))]
public abstract class DecodingStrategy
{
    /// <summary>One instance of every strategy, in name order.</summary>
    public static readonly IReadOnlyList<DecodingStrategy> All = [.. typeof(DecodingStrategy).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DecodingStrategy)) && !t.IsAbstract)
        .Select(t => (DecodingStrategy)Activator.CreateInstance(t)!).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The strategy called <paramref name="name"/> (ancestral, contrastive, head-only); null for none.</summary>
    public static DecodingStrategy? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public static DecodingStrategy Named(string name) => Find(name)
        ?? throw new ArgumentException($"no decoding strategy is called '{name}'; known: {string.Join(", ", All)}", nameof(name));

    /// <summary>Its name, and its corpus's and arms' (a contrastive one adds the BAD's label when there are several BADs).</summary>
    public abstract string Name { get; }

    /// <summary>Samples on GOOD's plausibility head: reads generate.alpha, and generate.penalty outside the head.</summary>
    public virtual bool Head => false;

    /// <summary>Contrasts GOOD with a BAD: reads generate.lambda and a BAD checkpoint; one corpus per BAD.</summary>
    public virtual bool Contrast => false;

    public override string ToString() => Name;
}
