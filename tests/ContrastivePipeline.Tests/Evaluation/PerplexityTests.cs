using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tokenization;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Evaluation;

[Collection(TorchCollection.Name)]
public sealed class PerplexityTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("perplexity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BlockLosses_AreEachBlocksLossAlone_OnTheCallingThreadAndOnTwoWorkers()
    {
        var path = Path.Combine(folder, "perplexity.bin");
        var random = new Random(5);
        using (var writer = new TokenShardWriter(path, TinyModels.Shape.Vocab, blockLength: 9, "0123456789abcdef0123456789abcdef"))
        {
            for (var d = 0; d < 13; d++)
                writer.Append([1, .. Enumerable.Range(0, random.Next(3, 12)).Select(_ => random.Next(4, TinyModels.Shape.Vocab)), 2]);
            writer.Complete();
        }
        using var shard = TokenShard.Open(path);
        manual_seed(3);
        using var model = new Llama(TinyModels.Shape);
        model.eval();

        var one = Perplexity.BlockLosses(model, shard, [.. Enumerable.Range(0, shard.Count)], CPU);
        var two = Perplexity.BlockLosses(model, shard, [.. Enumerable.Range(0, shard.Count)], CPU, workers: 2);

        Assert.True(shard.Count > 8 && shard.RealLength(shard.Count - 1) < shard.BlockLength, "the fixture needs two batches and a padded last block");
        Assert.Equal(one, two, (a, b) => Math.Abs(a - b) <= 1e-6);
        Assert.Equal(Enumerable.Range(0, shard.Count).Select(i => AloneLoss(model, shard, i)), one, (a, b) => Math.Abs(a - b) <= 1e-5);
    }

    /// <summary>The oracle: one block by itself, its real tokens only, mean next-token cross-entropy.</summary>
    static double AloneLoss(Llama model, TokenShard shard, int index)
    {
        using var _ = no_grad();
        var block = new long[shard.BlockLength];
        shard.CopyBlock(index, block);
        var real = shard.RealLength(index);
        var tokens = tensor(block[..real], [1, real]);                                          // [1, T]
        var logits = model.call(tokens[.., ..^1], Llama.Positions(real - 1, CPU));               // [1, T-1, V]
        var loss = nn.functional.cross_entropy(logits.flatten(0, 1), tokens[0, 1..]);            // []
        return loss.item<float>();
    }
}
