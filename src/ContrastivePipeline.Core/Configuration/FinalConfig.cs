namespace ContrastivePipeline.Configuration;

/// <summary>The fresh models trained on each arm's data, with the same recipe as the base run (PAPER.md 3.3, 5).</summary>
public sealed record FinalConfig
{
    /// <summary>One run per arm and seed (paper: 42-51).</summary>
    public List<int> Seeds { get; init; } = [42];

    internal IEnumerable<ConfigError> Validate()
    {
        if (Seeds.Count == 0)
            yield return new("seeds", "must list at least one seed, e.g. [42]");
        if (Seeds.Distinct().Count() != Seeds.Count)
            yield return new("seeds", $"lists a seed twice: [{string.Join(", ", Seeds)}]");
    }
}
