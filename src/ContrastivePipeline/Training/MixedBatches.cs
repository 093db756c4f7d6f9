using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Training;

/// <summary>
/// The batch of a step (PAPER.md 5), laid out as the authors' device batches: every run of
/// <see cref="SyntheticShare.PerDeviceBatch"/> rows is its real rows followed by its int(per_device_batch x ratio)
/// synthetic ones, each stream in its own order. Synthetic data replaces real data; the number of steps stays the same.
/// Without a synthetic stream every row is real.
/// </summary>
internal sealed class MixedBatches(DocumentStream real, DocumentStream? synthetic, SyntheticShare? share, int batchSize, int blockLength)
    : IBatchSource
{
    public void Fill(long step, long[] tokens)
    {
        var device = share is null ? batchSize : share.PerDeviceBatch;
        var syntheticRows = share is null ? 0 : share.RowsPerDeviceBatch;
        var realRows = device - syntheticRows;
        for (var row = 0; row < batchSize; row++)
        {
            var (group, within) = Math.DivRem(row, device);
            var destination = tokens.AsSpan(row * blockLength, blockLength);
            if (!IsSynthetic(row))
                real.CopyRow(step, group * realRows + within, destination);
            else
                synthetic!.CopyRow(step, group * syntheticRows + within - realRows, destination);
        }
    }

    /// <summary>Whether row <paramref name="row"/> of a batch is synthetic (the last int(per_device_batch x ratio) of its device batch).</summary>
    public bool IsSynthetic(int row) => share is not null && row % share.PerDeviceBatch >= share.PerDeviceBatch - share.RowsPerDeviceBatch;
}
