using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// The blocks of a token shard in a seeded order (PAPER.md 3.3): each pass over the shard is a fresh permutation
/// seeded with <c>seed + pass</c>, as the paper reshuffles an exhausted stream. A batch depends only on the seed and
/// the step, so a resumed run reads exactly what an uninterrupted one would.
/// </summary>
internal sealed class ShardBatches(TokenShard shard, int rows, int seed) : IBatchSource
{
    long pass = -1;
    int[] order = [];

    public void Fill(long step, long[] tokens) => Fill(step, tokens, 0);

    /// <summary>Fills <c>rows</c> rows of <paramref name="tokens"/> starting at row <paramref name="firstRow"/>.</summary>
    public void Fill(long step, long[] tokens, int firstRow)
    {
        var length = shard.BlockLength;
        for (var row = 0; row < rows; row++)
        {
            var index = step * rows + row;
            shard.CopyBlock(Order(index / shard.Count)[index % shard.Count], tokens.AsSpan((firstRow + row) * length, length));
        }
    }

    int[] Order(long wanted)
    {
        if (wanted != pass)
        {
            order = Enumerable.Range(0, shard.Count).ToArray();
            new Random(unchecked(seed + (int)wanted)).Shuffle(order);
            pass = wanted;
        }
        return order;
    }
}
