namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Training documents as token ids, each already wrapped in &lt;s&gt; ... &lt;/s&gt;, left unpacked so that the
/// trainer can shuffle documents before it packs them into blocks (PAPER.md 3.3). Layout: header, the tokens of every
/// document back to back, then <c>Count + 1</c> int64 token offsets (written last, so the writer streams).
/// Everything is read from the memory mapping; only the caller's order of documents lives in memory.
/// </summary>
internal sealed class DocumentShard : IDisposable
{
    public const string Magic = "CPDOCSET";

    readonly ShardFile file;
    readonly long offsetsAt;

    DocumentShard(ShardFile file)
    {
        this.file = file;
        offsetsAt = ShardHeader.Size + file.Header.Tokens * file.Header.TokenBytes;
        var expected = offsetsAt + (file.Header.Count + 1) * sizeof(long);
        if (file.Length < expected)
            throw new InvalidDataException($"{file.Path}: truncated ({file.Length} bytes, header promises {expected})");
    }

    public static DocumentShard Open(string path) => new(ShardFile.Open(path, Magic));

    public int Count => checked((int)file.Header.Count);

    public int VocabSize => file.Header.VocabSize;

    public long Tokens => file.Header.Tokens;

    public string TokenizerHash => file.Header.TokenizerHash;

    public string Path => file.Path;

    /// <summary>Tokens of document <paramref name="index"/>, &lt;s&gt; and &lt;/s&gt; included.</summary>
    public int Length(int index) => checked((int)(Offset(index + 1) - Offset(index)));

    /// <summary>Copies <paramref name="destination"/>.Length tokens of document <paramref name="index"/> from token <paramref name="from"/> on.</summary>
    public void Copy(int index, int from, Span<long> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + destination.Length, Length(index));
        file.CopyTokens(ShardHeader.Size + (Offset(index) + from) * file.Header.TokenBytes, destination);
    }

    long Offset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count);
        return file.ReadInt64(offsetsAt + (long)index * sizeof(long));
    }

    public void Dispose() => file.Dispose();
}
