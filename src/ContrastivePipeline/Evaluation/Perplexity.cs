using ContrastivePipeline.Model;
using ContrastivePipeline.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Perplexity on packed blocks (PAPER.md 6): the mean next-token cross-entropy of each block in nats, pads excluded;
/// perplexity is exp of the mean over blocks.
/// </summary>
internal static class Perplexity
{
    const int BatchSize = 8;

    /// <param name="workers">Batches run at once, see <see cref="ParallelBatches"/>; 1: on the calling thread.</param>
    /// <param name="indices">The blocks to score; the losses come back in this order.</param>
    public static double[] BlockLosses(Llama model, TokenShard shard, IReadOnlyList<int> indices, Device device, int workers = 1)
    {
        var length = shard.BlockLength;
        var all = new long[(long)indices.Count * length]; // read here: the shard's reader is not shared between threads
        for (var block = 0; block < indices.Count; block++)
            shard.CopyBlock(indices[block], all.AsSpan(block * length, length));
        return BlockLosses(model, all, length, device, workers);
    }

    /// <param name="all">Blocks of <paramref name="length"/> tokens back to back, &lt;pad&gt; after the text.</param>
    public static double[] BlockLosses(Llama model, long[] all, int length, Device device, int workers = 1)
    {
        var blocks = all.Length / length;
        var losses = new double[blocks];
        var batches = (blocks + BatchSize - 1) / BatchSize;
        ParallelBatches.Run(batches, workers, b =>
        {
            using var scope = NewDisposeScope();
            using var pad = SpecialTokens.Pad.ToScalar();
            var first = b * BatchSize;
            var rows = Math.Min(BatchSize, blocks - first);
            var tokens = tensor(all.AsSpan(first * length, rows * length).ToArray(), [rows, length], device: device); // [B, T]
            var logits = model.call(tokens[.., ..^1], Llama.Positions(length - 1, device)).to(ScalarType.Float32); // [B, T-1, V]
            var target = tokens[.., 1..];                                                                   // [B, T-1]
            var loss = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten(),
                ignore_index: SpecialTokens.Pad, reduction: nn.Reduction.None).view(rows, length - 1);      // [B, T-1]
            var real = target.ne(pad).to(ScalarType.Float32);                                               // [B, T-1]
            var perBlock = (loss * real).sum(1) / real.sum(1).clamp_min(Scalars.One);                       // [B]
            var values = perBlock.to(ScalarType.Float64).cpu().data<double>().ToArray();
            values.CopyTo(losses, first);
        });
        return losses;
    }
}
