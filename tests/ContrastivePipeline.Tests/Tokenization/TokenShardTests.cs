using System.Buffers.Binary;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

public sealed class TokenShardTests : IDisposable
{
    const string Hash = "0123456789abcdef0123456789abcdef";
    readonly string folder = Directory.CreateTempSubdirectory("shard-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static int[][] Documents(int maxId) =>
    [
        [1, 10, 11, 12, 2],
        [1, maxId, 2],
        [1, 20, 21, 22, 23, 24, 25, 26, 27, 28, 2],
    ];

    string Write(int vocabSize, int blockLength, int[][] documents)
    {
        var path = Path.Combine(folder, $"train-{vocabSize}.bin");
        using var writer = new TokenShardWriter(path, vocabSize, blockLength, Hash);
        foreach (var document in documents)
            writer.Append(document);
        writer.Complete();
        return path;
    }

    [Theory]
    [InlineData(8192, 2)]
    [InlineData(65536, 2)]
    [InlineData(65537, 4)]
    [InlineData(100_000, 4)]
    public void Blocks_ReadBackAsTheConcatenatedDocuments_WithOnlyTheLastBlockPadded(int vocabSize, int tokenBytes)
    {
        var documents = Documents(vocabSize - 1);
        var path = Write(vocabSize, blockLength: 4, documents);
        var expected = documents.SelectMany(d => d).ToList(); // 19 tokens -> 5 blocks, the last with 3 tokens

        using var shard = TokenShard.Open(path);
        var read = new List<long>();
        var block = new long[4];
        for (var i = 0; i < shard.Count; i++)
        {
            shard.CopyBlock(i, block);
            read.AddRange(block);
        }

        Assert.Equal((5, 4, vocabSize, 19L, tokenBytes, Hash), (shard.Count, shard.BlockLength, shard.VocabSize, shard.Tokens, shard.TokenBytes, shard.TokenizerHash));
        Assert.Equal(expected.Select(t => (long)t), read.Take(19));
        Assert.Equal([SpecialTokens.Pad], read.Skip(19).Distinct());
        Assert.Equal([4, 4, 4, 4, 3], Enumerable.Range(0, 5).Select(shard.RealLength));
        Assert.Equal(ShardHeader.Size + 5 * 4 * tokenBytes, new FileInfo(path).Length);
    }

    [Fact]
    public void FileLayout_IsTheDocumentedLittleEndianHeader_ThenUInt16Tokens()
    {
        var path = Write(8192, blockLength: 5, [[1, 300, 2]]);
        var bytes = File.ReadAllBytes(path);

        Assert.Equal("CPBLOCKS"u8.ToArray(), bytes[..8]);
        Assert.Equal(ShardHeader.Version, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(8192, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(5, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(1L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(3L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(Convert.FromHexString(Hash), bytes[40..56]);
        Assert.Equal(new byte[] { 1, 0, 44, 1, 2, 0, 3, 0, 3, 0 }, bytes[64..]);
    }

    [Fact]
    public void AnIdOutsideTheVocabulary_IsRefused()
    {
        var path = Path.Combine(folder, "bad.bin");
        using var writer = new TokenShardWriter(path, 300, 2, Hash);

        Assert.Throws<InvalidDataException>(() => writer.Append([1, 300]));
    }

    [Fact]
    public void APromptShard_IsNotOpenedAsABlockShard()
    {
        var path = Path.Combine(folder, "prompts.bin");
        PromptShard.Write(path, [[1, 5]], 8192, Hash);

        Assert.Throws<InvalidDataException>(() => TokenShard.Open(path));
    }

    [Theory]
    [InlineData(8192, 2)]
    [InlineData(70_000, 4)]
    public void Prompts_ReadBackOneByOne(int vocabSize, int tokenBytes)
    {
        int[][] prompts = [[1, 40, 41], [1], [1, vocabSize - 1, 7, 8, 9, 10]];
        var path = Path.Combine(folder, "prompts.bin");
        PromptShard.Write(path, prompts, vocabSize, Hash);

        using var shard = PromptShard.Open(path);

        Assert.Equal((3, vocabSize, 10L, tokenBytes, Hash), (shard.Count, shard.VocabSize, shard.Tokens, shard.TokenBytes, shard.TokenizerHash));
        Assert.Equal(prompts, Enumerable.Range(0, 3).Select(shard.Prompt));
        Assert.Equal(ShardHeader.Size + 4 * 8 + 10 * tokenBytes, new FileInfo(path).Length);
    }
}
