namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Reads a block shard (train or perplexity text): <see cref="Count"/> blocks of <see cref="BlockLength"/> tokens.
/// Only the last block may end in &lt;pad&gt;; <see cref="RealLength"/> says how many of its tokens are text.
/// </summary>
internal sealed class TokenShard : IDisposable
{
    public const string Magic = "CPBLOCKS";

    readonly ShardFile file;

    TokenShard(ShardFile file)
    {
        this.file = file;
        var expected = ShardHeader.Size + file.Header.Count * file.Header.BlockLength * file.Header.TokenBytes;
        if (file.Length < expected)
            throw new InvalidDataException($"{file.Path}: truncated ({file.Length} bytes, header promises {expected})");
    }

    public static TokenShard Open(string path) => new(ShardFile.Open(path, Magic));

    public int Count => checked((int)file.Header.Count);

    public int BlockLength => file.Header.BlockLength;

    public int VocabSize => file.Header.VocabSize;

    /// <summary>Tokens of text, pads excluded.</summary>
    public long Tokens => file.Header.Tokens;

    public string TokenizerHash => file.Header.TokenizerHash;

    public int TokenBytes => file.Header.TokenBytes;

    /// <summary>How many leading tokens of block <paramref name="index"/> are text; the rest are &lt;pad&gt;.</summary>
    public int RealLength(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index < Count - 1 ? BlockLength : (int)(Tokens - (long)(Count - 1) * BlockLength);
    }

    public void CopyBlock(int index, Span<long> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (destination.Length < BlockLength)
            throw new ArgumentException($"destination holds {destination.Length} tokens, a block has {BlockLength}");
        file.CopyTokens(ShardHeader.Size + (long)index * BlockLength * TokenBytes, destination[..BlockLength]);
    }

    public void Dispose() => file.Dispose();
}
