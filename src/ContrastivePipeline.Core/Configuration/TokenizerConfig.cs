namespace ContrastivePipeline.Configuration;

/// <summary>The BPE tokenizer (PAPER.md 3.2: SentencePiece-style BPE of 32,000 tokens).</summary>
public sealed record TokenizerConfig
{
    /// <summary>byte-level (default) or sentencepiece-bpe (the paper's).</summary>
    public TokenizerKind Kind { get; init; } = TokenizerKind.ByteLevel;

    public int VocabSize { get; init; } = 8192;

    internal IEnumerable<ConfigError> Validate()
    {
        if (VocabSize is < 300 or > 1_000_000)
            yield return new("vocab_size", $"must be between 300 (256 bytes + specials + merges) and 1000000, got {VocabSize}");
    }
}
