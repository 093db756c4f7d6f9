namespace ContrastivePipeline.Configuration;

/// <summary>Byte-level BPE tokenizer (PAPER.md 3.2; the paper uses 32,000).</summary>
public sealed record TokenizerConfig
{
    public int VocabSize { get; init; } = 8192;

    internal IEnumerable<ConfigError> Validate()
    {
        if (VocabSize is < 300 or > 1_000_000)
            yield return new("vocab_size", $"must be between 300 (256 bytes + specials + merges) and 1000000, got {VocabSize}");
    }
}
