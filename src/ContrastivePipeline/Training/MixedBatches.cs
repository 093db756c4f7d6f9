namespace ContrastivePipeline.Training;

/// <summary>
/// PAPER.md 5: every batch is a fixed number of real sequences followed by a fixed number of synthetic ones, each
/// stream in its own seeded order. Synthetic data replaces real data; the number of steps stays the same.
/// </summary>
internal sealed class MixedBatches(ShardBatches real, int realRows, ShardBatches synthetic) : IBatchSource
{
    public void Fill(long step, long[] tokens)
    {
        real.Fill(step, tokens, 0);
        synthetic.Fill(step, tokens, realRows);
    }
}
