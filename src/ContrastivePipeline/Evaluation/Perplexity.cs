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

    public static double[] BlockLosses(Llama model, TokenShard shard, int blocks, Device device)
    {
        using var _ = no_grad();
        var length = shard.BlockLength;
        var losses = new double[blocks];
        var batch = new long[BatchSize * length];
        using var pad = SpecialTokens.Pad.ToScalar();
        for (var first = 0; first < blocks; first += BatchSize)
        {
            using var scope = NewDisposeScope();
            var rows = Math.Min(BatchSize, blocks - first);
            for (var row = 0; row < rows; row++)
                shard.CopyBlock(first + row, batch.AsSpan(row * length, length));
            var tokens = tensor(batch, [BatchSize, length], device: device)[..rows];                      // [B, T]
            var logits = model.call(tokens[.., ..^1], Llama.Positions(length - 1, device)).to(ScalarType.Float32); // [B, T-1, V]
            var target = tokens[.., 1..];                                                                   // [B, T-1]
            var loss = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten(),
                ignore_index: SpecialTokens.Pad, reduction: nn.Reduction.None).view(rows, length - 1);      // [B, T-1]
            var real = target.ne(pad).to(ScalarType.Float32);                                               // [B, T-1]
            var perBlock = (loss * real).sum(1) / real.sum(1).clamp_min(Scalars.One);                       // [B]
            var values = perBlock.to(ScalarType.Float64).cpu().data<double>().ToArray();
            values.CopyTo(losses, first);
        }
        return losses;
    }
}
