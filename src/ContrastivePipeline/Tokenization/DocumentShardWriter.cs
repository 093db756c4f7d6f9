namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Writes a <see cref="DocumentShard"/> as documents arrive: tokens straight to the file, one offset per document in
/// memory (8 bytes each), the offsets and then the header at <see cref="Complete"/>.
/// </summary>
internal sealed class DocumentShardWriter : IDisposable
{
    readonly FileStream stream;
    readonly string path;
    readonly int vocabSize, tokenBytes;
    readonly string tokenizerHash;
    readonly List<long> offsets = [0];

    public DocumentShardWriter(string path, int vocabSize, string tokenizerHash)
    {
        this.path = path;
        this.vocabSize = vocabSize;
        this.tokenizerHash = tokenizerHash;
        tokenBytes = ShardHeader.TokenBytesFor(vocabSize);
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(new byte[ShardHeader.Size]);
    }

    public int Documents => offsets.Count - 1;

    public long Tokens => offsets[^1];

    public void Append(ReadOnlySpan<int> document)
    {
        TokenWriter.Write(stream, document, tokenBytes, vocabSize, path);
        offsets.Add(Tokens + document.Length);
    }

    /// <summary>Writes the offsets, then the header. Without this call the shard has no header.</summary>
    public void Complete()
    {
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var offset in offsets)
                writer.Write(offset);
        }
        var header = new byte[ShardHeader.Size];
        new ShardHeader(DocumentShard.Magic, vocabSize, tokenBytes, BlockLength: 0, Documents, Tokens, tokenizerHash).Write(header);
        stream.Position = 0;
        stream.Write(header);
        stream.Flush();
    }

    public void Dispose() => stream.Dispose();
}
