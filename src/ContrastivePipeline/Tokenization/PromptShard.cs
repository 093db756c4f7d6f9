namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The seed prompts as token ids: one variable-length prompt per seed, each starting with &lt;s&gt; and without
/// &lt;/s&gt; (generation continues it). Layout: header, <c>Count + 1</c> int64 token offsets, then the tokens.
/// </summary>
internal sealed class PromptShard : IDisposable
{
    public const string Magic = "CPPROMPT";

    readonly ShardFile file;
    readonly long tokensAt;

    PromptShard(ShardFile file)
    {
        this.file = file;
        tokensAt = ShardHeader.Size + (file.Header.Count + 1) * sizeof(long);
        var expected = tokensAt + file.Header.Tokens * file.Header.TokenBytes;
        if (file.Length < expected)
            throw new InvalidDataException($"{file.Path}: truncated ({file.Length} bytes, header promises {expected})");
    }

    public static PromptShard Open(string path) => new(ShardFile.Open(path, Magic));

    public int Count => checked((int)file.Header.Count);

    public int VocabSize => file.Header.VocabSize;

    public long Tokens => file.Header.Tokens;

    public string TokenizerHash => file.Header.TokenizerHash;

    public int TokenBytes => file.Header.TokenBytes;

    public int[] Prompt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var start = Offset(index);
        var tokens = new long[Offset(index + 1) - start];
        file.CopyTokens(tokensAt + start * file.Header.TokenBytes, tokens);
        return Array.ConvertAll(tokens, t => (int)t);
    }

    long Offset(int index) => file.ReadInt64(ShardHeader.Size + (long)index * sizeof(long));

    public void Dispose() => file.Dispose();

    /// <summary>Writes <paramref name="prompts"/> (each already starting with &lt;s&gt;) to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<int[]> prompts, int vocabSize, string tokenizerHash)
    {
        var tokenBytes = ShardHeader.TokenBytesFor(vocabSize);
        var total = prompts.Sum(p => (long)p.Length);
        var header = new byte[ShardHeader.Size];
        new ShardHeader(Magic, vocabSize, tokenBytes, BlockLength: 0, prompts.Count, total, tokenizerHash).Write(header);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        writer.Write(header);
        long offset = 0;
        writer.Write(offset);
        foreach (var prompt in prompts)
            writer.Write(offset += prompt.Length);
        writer.Flush();
        foreach (var prompt in prompts)
            TokenWriter.Write(stream, prompt, tokenBytes, vocabSize, path);
    }
}
