using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

public sealed class DocumentStreamTests : IDisposable
{
    const int BlockLength = 16, Rows = 4;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Documents <c>&lt;s&gt; d d ... &lt;/s&gt;</c> of 3 to 40 tokens; token d (offset past the specials) names document d.</summary>
    DocumentShard Shard(int count, string name = "docs.bin")
    {
        var random = new Random(7);
        var path = Path.Combine(temp.Path, name);
        using (var writer = new DocumentShardWriter(path, 1000, new string('0', 32)))
        {
            for (var d = 0; d < count; d++)
                writer.Append([SpecialTokens.Bos, .. Enumerable.Repeat(d + SpecialTokens.Count, random.Next(1, 39)), SpecialTokens.Eos]);
            writer.Complete();
        }
        return DocumentShard.Open(path);
    }

    /// <summary>The documents a pass delivers, in order, read back from its rows; a document cut off by the trim is left out.</summary>
    static List<int> DocumentsOfPass(DocumentStream stream, long pass, out List<long> tokens)
    {
        tokens = [];
        var row = new long[BlockLength];
        for (var step = pass * stream.StepsPerPass; step < (pass + 1) * stream.StepsPerPass; step++)
        {
            for (var r = 0; r < Rows; r++)
            {
                stream.CopyRow(step, r, row);
                tokens.AddRange(row);
            }
        }
        var documents = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] != SpecialTokens.Bos)
                continue;
            var end = tokens.IndexOf(SpecialTokens.Eos, i);
            if (end < 0)
                break;
            var body = tokens.Skip(i + 1).Take(end - i - 1).Distinct().ToList();
            Assert.Single(body); // a document arrives whole, never interleaved with another
            documents.Add((int)body[0] - SpecialTokens.Count);
        }
        return documents;
    }

    [Fact]
    public void APass_IsAShuffledPermutationOfWholeDocuments()
    {
        using var shard = Shard(60);
        var stream = new DocumentStream(shard, Rows, BlockLength, seed: 42);

        var documents = DocumentsOfPass(stream, 0, out var tokens);

        // Trimmed to whole steps: at most one step of blocks (and the document it cuts) is missing.
        Assert.True(shard.Tokens - tokens.Count < Rows * BlockLength, $"{shard.Tokens} tokens, a pass read {tokens.Count}");
        Assert.Equal(documents.Count, documents.Distinct().Count());
        Assert.True(documents.Count >= shard.Count - 3, $"{documents.Count} of {shard.Count} documents in a pass");
        Assert.Equal(stream.Pass(0).Order.Take(documents.Count), documents);
        Assert.NotEqual(Enumerable.Range(0, documents.Count), documents); // shuffled, not corpus order
    }

    [Fact]
    public void SecondPass_ReshufflesWithTheSeedPlusCompletedSteps()
    {
        using var shard = Shard(60);
        var stream = new DocumentStream(shard, Rows, BlockLength, seed: 42);

        var first = DocumentsOfPass(stream, 0, out _);
        var second = DocumentsOfPass(stream, 1, out _);

        Assert.NotEqual(first, second);
        Assert.Equal(42 + stream.StepsPerPass, stream.SeedOf(1));
        var expected = Enumerable.Range(0, shard.Count).ToArray();
        new Random(42 + (int)stream.StepsPerPass).Shuffle(expected);
        Assert.Equal(expected, stream.Pass(stream.StepsPerPass).Order);
    }

    [Fact]
    public void AStep_ReadsTheSameRowsFromAFreshStream_AsAfterEarlierSteps()
    {
        using var shard = Shard(60);
        var read = new DocumentStream(shard, Rows, BlockLength, seed: 5);
        var step = read.StepsPerPass + 2;
        for (long s = 0; s < step; s++)
            read.CopyRow(s, 0, new long[BlockLength]);
        var (after, fresh) = (new long[BlockLength], new long[BlockLength]);
        read.CopyRow(step, 3, after);
        new DocumentStream(shard, Rows, BlockLength, seed: 5).CopyRow(step, 3, fresh);
        Assert.Equal(fresh, after);
    }

    [Fact]
    public void MixedBatch_HoldsThePapersRowsOfEveryDeviceBatch()
    {
        using var real = Shard(200, "real.bin");
        using var synthetic = Shard(200, "synthetic.bin");
        var share = new SyntheticShare(0.3, 16);
        var (batch, realRows, syntheticRows) = (64, 64 - share.Rows(64), share.Rows(64));
        var mixed = new MixedBatches(new DocumentStream(real, realRows, BlockLength, 1), new DocumentStream(synthetic, syntheticRows, BlockLength, 1),
            share, batch, BlockLength);

        var composition = string.Concat(Enumerable.Range(0, batch).Select(r => mixed.IsSynthetic(r) ? 'S' : 'R'));

        Assert.Equal(string.Concat(Enumerable.Repeat("RRRRRRRRRRRRSSSS", 4)), composition);
        var tokens = new long[batch * BlockLength];
        mixed.Fill(0, tokens);
        var expected = new long[BlockLength];
        new DocumentStream(synthetic, syntheticRows, BlockLength, 1).CopyRow(0, 5, expected);
        Assert.Equal(expected, tokens.AsSpan((16 + 13) * BlockLength, BlockLength).ToArray()); // device batch 1, its 2nd synthetic row
    }
}
