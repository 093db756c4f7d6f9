using System.Globalization;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// How synthetic text enters the final models' training (PAPER.md 5): every device batch of
/// <see cref="PerDeviceBatch"/> sequences takes int(per_device_batch x ratio) synthetic ones, the rest real
/// (<see cref="SyntheticShare"/>); the number of steps stays fixed. The paper's nominal 0.3 of 16 is 4 (25%).
/// </summary>
public sealed record MixConfig
{
    /// <summary>Nominal synthetic ratios; several make a sweep (one arm per strategy and ratio).</summary>
    public List<double> Ratios { get; init; } = [0.3];

    /// <summary>The synthetic corpora to build arms from: ancestral, contrastive, head-only (the V-head control).</summary>
    public List<DecodingStrategy> Strategies { get; init; } = [DecodingStrategy.Named("ancestral"), DecodingStrategy.Named("contrastive")];

    /// <summary>
    /// The unit the ratio is floored over: the authors' 16 sequences per device (their 256 per step were 16 per device
    /// x 4 devices x 4 accumulation steps). train.batch_size must be a multiple of it.
    /// </summary>
    public int PerDeviceBatch { get; init; } = 16;

    /// <summary>The share of an arm at one of <see cref="Ratios"/>.</summary>
    public SyntheticShare Share(double ratio) => new(ratio, PerDeviceBatch);

    internal IEnumerable<ConfigError> Validate(int batchSize)
    {
        if (Strategies.Distinct().Count() != Strategies.Count)
            yield return new("strategies", $"lists a strategy twice: [{string.Join(", ", Strategies)}]");
        // Each ratio is its own arms: a ratio listed twice would plan the same instances twice.
        if (Ratios.Distinct().Count() != Ratios.Count)
            yield return new("ratios", $"lists a ratio twice: [{string.Join(", ", Ratios.Select(r => r.ToString(CultureInfo.InvariantCulture)))}]");
        if (Ratios.Count == 0)
            yield return new("ratios", "must list at least one ratio, e.g. [0.3]");
        if (PerDeviceBatch < 1)
            yield return new("per_device_batch", $"must be at least 1, got {PerDeviceBatch}");
        else if (batchSize % PerDeviceBatch != 0)
            yield return new("per_device_batch", $"must divide train.batch_size ({batchSize}), got {PerDeviceBatch}");
        else
        {
            foreach (var problem in Ratios.Select(r => Share(r).Problem(batchSize)).OfType<string>())
                yield return new("ratios", $"{problem}: use a ratio in (0, 1) with per_device_batch x ratio >= 1");
        }
    }
}
