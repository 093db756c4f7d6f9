namespace ContrastivePipeline.Configuration;

/// <summary>Where the real text comes from and how it is split (PAPER.md 2.2-2.3).</summary>
public sealed record CorpusConfig
{
    public const string BuiltinTinyWorld = "builtin:tinyworld";

    /// <summary><c>builtin:tinyworld</c> or a folder of UTF-8 text files, documents separated by empty lines.</summary>
    public string Source { get; init; } = BuiltinTinyWorld;

    /// <summary>Size of the built-in corpus in words (ignored for a folder).</summary>
    public int Words { get; init; } = 1_000_000;

    /// <summary>
    /// A folder's training text cut to about this many words: the same seeded share of every file's documents, so the
    /// genres keep their proportions; none: all of it. Ignored for the built-in corpus (see <see cref="Words"/>).
    /// </summary>
    public int? MaxWords { get; init; }

    /// <summary>Folder of held-out text for perplexity; when absent, <see cref="HeldoutFraction"/> of the documents.</summary>
    public string? Perplexity { get; init; }

    public double HeldoutFraction { get; init; } = 0.02;

    /// <summary>Share of each source's documents that becomes the seed pool (paper: 5%).</summary>
    public double SeedFraction { get; init; } = 0.05;

    /// <summary>Seed expansion: chunks of at least this many words (paper: 100).</summary>
    public int SeedMinWords { get; init; } = 100;

    /// <summary>Seed expansion: a chunk closes before it would exceed this many words (paper: 200).</summary>
    public int SeedMaxWords { get; init; } = 200;

    internal bool IsBuiltin => Source.StartsWith("builtin:", StringComparison.Ordinal);

    internal IEnumerable<ConfigError> Validate()
    {
        if (IsBuiltin && Source != BuiltinTinyWorld)
            yield return new("source", $"unknown built-in corpus '{Source}'; allowed: {BuiltinTinyWorld} or a folder path");
        if (Words is < 1_000 or > 200_000_000)
            yield return new("words", $"must be between 1000 and 200000000, got {Words}");
        if (MaxWords is < 1_000)
            yield return new("max_words", $"must be at least 1000 (or left out for all), got {MaxWords}");
        if (HeldoutFraction is <= 0 or >= 0.5)
            yield return new("heldout_fraction", $"must be in (0, 0.5), got {HeldoutFraction}");
        if (SeedFraction is <= 0 or >= 0.5)
            yield return new("seed_fraction", $"must be in (0, 0.5), got {SeedFraction}");
        if (SeedMinWords < 1)
            yield return new("seed_min_words", $"must be at least 1, got {SeedMinWords}");
        if (SeedMaxWords < SeedMinWords)
            yield return new("seed_max_words", $"must be at least seed_min_words ({SeedMinWords}), got {SeedMaxWords}");
    }
}
