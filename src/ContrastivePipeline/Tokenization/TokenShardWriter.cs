namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Packs documents (already wrapped in &lt;s&gt; ... &lt;/s&gt;) back to back into blocks, crossing document boundaries
/// as GPT-2 training does; only the final remainder block is filled with &lt;pad&gt;. The header is written last.
/// </summary>
internal sealed class TokenShardWriter : IDisposable
{
    readonly FileStream stream;
    readonly string path;
    readonly int vocabSize, blockLength, tokenBytes;
    readonly string tokenizerHash;
    readonly int[] block;
    int filled;
    long blocks, tokens;

    public TokenShardWriter(string path, int vocabSize, int blockLength, string tokenizerHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        this.path = path;
        this.vocabSize = vocabSize;
        this.blockLength = blockLength;
        this.tokenizerHash = tokenizerHash;
        tokenBytes = ShardHeader.TokenBytesFor(vocabSize);
        block = new int[blockLength];
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(new byte[ShardHeader.Size]);
    }

    public long Blocks => blocks;

    public long Tokens => tokens;

    public void Append(ReadOnlySpan<int> document)
    {
        while (document.Length > 0)
        {
            var take = Math.Min(document.Length, blockLength - filled);
            document[..take].CopyTo(block.AsSpan(filled));
            filled += take;
            tokens += take;
            document = document[take..];
            if (filled == blockLength)
                Flush();
        }
    }

    /// <summary>Pads and writes the remainder block, then the header. Without this call the shard has no header.</summary>
    public void Complete()
    {
        if (filled > 0)
        {
            block.AsSpan(filled).Fill(SpecialTokens.Pad);
            Flush();
        }
        var header = new byte[ShardHeader.Size];
        new ShardHeader(TokenShard.Magic, vocabSize, tokenBytes, blockLength, blocks, tokens, tokenizerHash).Write(header);
        stream.Position = 0;
        stream.Write(header);
        stream.Flush();
    }

    void Flush()
    {
        TokenWriter.Write(stream, block, tokenBytes, vocabSize, path);
        blocks++;
        filled = 0;
    }

    public void Dispose() => stream.Dispose();
}
