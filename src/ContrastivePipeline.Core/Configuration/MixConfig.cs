namespace ContrastivePipeline.Configuration;

/// <summary>
/// How synthetic text enters the final models' training (PAPER.md 5): each batch takes floor(batch_size x ratio)
/// synthetic sequences, the rest real; the number of steps stays fixed. The paper's nominal 0.3 of 16 is 4 (25%).
/// </summary>
public sealed record MixConfig
{
    /// <summary>Nominal synthetic ratios; several make a sweep (one arm per strategy and ratio).</summary>
    public List<double> Ratios { get; init; } = [0.3];

    internal IEnumerable<ConfigError> Validate(int batchSize)
    {
        if (Ratios.Count == 0)
            yield return new("ratios", "must list at least one ratio, e.g. [0.3]");
        foreach (var r in Ratios.Where(r => r is <= 0 or >= 1 || (int)(batchSize * r + 1e-9) < 1))
            yield return new("ratios", $"{r} gives no synthetic sequence in a batch of {batchSize}: use a ratio in (0, 1) with batch_size x ratio >= 1");
    }
}
