namespace ContrastivePipeline.Configuration;

/// <summary>
/// The one mixing rule (PAPER.md 5). The authors' <c>train_llama_steps.py</c> takes <c>int(per_device_batch × ratio)</c>
/// synthetic rows of every device batch of 16 and fills the rest with real rows, so the nominal 0.3 is 4 of 16 (25%)
/// and a step of 256 sequences holds 64 synthetic ones, not int(256 × 0.3) = 76. Every place that needs the rows or
/// the fraction asks this record, so the training data and the report cannot disagree.
/// </summary>
/// <param name="Ratio">The nominal ratio of the experiment file (0 for real data only).</param>
/// <param name="PerDeviceBatch">The unit the ratio is floored over: sequences per device batch (paper 16).</param>
public sealed record SyntheticShare(double Ratio, int PerDeviceBatch)
{
    /// <summary>
    /// Synthetic rows of one device batch. A plain truncation, as Python's <c>int()</c>, on the same IEEE product:
    /// no rounding slack, so a ratio gives exactly the authors' rows (16 × 0.7 = 11.2 gives 11).
    /// </summary>
    public int RowsPerDeviceBatch => (int)(PerDeviceBatch * Ratio);

    /// <summary>The synthetic share of every batch: rows per device batch over its size (0.25 for the nominal 0.3).</summary>
    public double Fraction => (double)RowsPerDeviceBatch / PerDeviceBatch;

    /// <summary>Synthetic rows of an optimiser step of <paramref name="batchSize"/> sequences (whole device batches).</summary>
    public int Rows(int batchSize)
    {
        if (batchSize % PerDeviceBatch != 0)
            throw new ArgumentException($"a batch of {batchSize} sequences is not whole device batches of {PerDeviceBatch}");
        return batchSize / PerDeviceBatch * RowsPerDeviceBatch;
    }

    /// <summary>Why this share cannot mix a batch of <paramref name="batchSize"/>; null when it can.</summary>
    public string? Problem(int batchSize) =>
        Ratio is <= 0 or >= 1 || double.IsNaN(Ratio) ? $"{Ratio} is not a ratio in (0, 1)"
        : PerDeviceBatch < 1 ? $"per_device_batch must be at least 1, got {PerDeviceBatch}"
        : batchSize % PerDeviceBatch != 0 ? $"train.batch_size ({batchSize}) must be a multiple of per_device_batch ({PerDeviceBatch})"
        : RowsPerDeviceBatch < 1 ? $"{Ratio} gives no synthetic sequence in a device batch of {PerDeviceBatch} (int({PerDeviceBatch} x {Ratio}) = 0)"
        : null;
}
