using System.Buffers.Binary;
using System.Text;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The 64-byte header of a token shard, little-endian: magic (8 bytes), version, vocabulary size, bytes per token
/// (2 when the vocabulary fits in uint16, else 4), block length (0 for prompts), count (blocks or prompts), real
/// tokens (pads excluded), and the first 16 bytes of the tokenizer hash.
/// </summary>
internal readonly record struct ShardHeader(string Magic, int VocabSize, int TokenBytes, int BlockLength, long Count,
    long Tokens, string TokenizerHash)
{
    public const int Size = 64, Version = 1, HashBytes = 16;

    public static int TokenBytesFor(int vocabSize) => vocabSize <= 1 << 16 ? 2 : 4;

    public void Write(Span<byte> into)
    {
        into[..Size].Clear();
        Encoding.ASCII.GetBytes(Magic, into[..8]);
        BinaryPrimitives.WriteInt32LittleEndian(into[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(into[12..], VocabSize);
        BinaryPrimitives.WriteInt32LittleEndian(into[16..], TokenBytes);
        BinaryPrimitives.WriteInt32LittleEndian(into[20..], BlockLength);
        BinaryPrimitives.WriteInt64LittleEndian(into[24..], Count);
        BinaryPrimitives.WriteInt64LittleEndian(into[32..], Tokens);
        Convert.FromHexString(TokenizerHash.AsSpan(0, 2 * HashBytes)).CopyTo(into[40..]);
    }

    public static ShardHeader Read(ReadOnlySpan<byte> from, string path, string expectedMagic)
    {
        var magic = Encoding.ASCII.GetString(from[..8]);
        if (magic != expectedMagic)
            throw new InvalidDataException($"{path}: not a {expectedMagic} shard (magic '{magic}')");
        var version = BinaryPrimitives.ReadInt32LittleEndian(from[8..]);
        if (version != Version)
            throw new InvalidDataException($"{path}: shard version {version}, this build reads version {Version}");
        return new ShardHeader(magic,
            VocabSize: BinaryPrimitives.ReadInt32LittleEndian(from[12..]),
            TokenBytes: BinaryPrimitives.ReadInt32LittleEndian(from[16..]),
            BlockLength: BinaryPrimitives.ReadInt32LittleEndian(from[20..]),
            Count: BinaryPrimitives.ReadInt64LittleEndian(from[24..]),
            Tokens: BinaryPrimitives.ReadInt64LittleEndian(from[32..]),
            TokenizerHash: Convert.ToHexStringLower(from.Slice(40, HashBytes)));
    }
}
