namespace ContrastivePipeline.Configuration;

/// <summary>What every checkpoint of every final model (and GOOD) is evaluated on (PAPER.md 6).</summary>
public sealed record EvaluateConfig
{
    /// <summary>A folder in the BabyLM 2025 evaluation layout (e.g. data/eval); none: only the built-in probes.</summary>
    public string? Tasks { get; init; }

    /// <summary>Also score the built-in corpus's own probes (only when corpus.source is built in).</summary>
    public bool Probes { get; init; } = true;

    /// <summary>
    /// Held-out blocks to score per checkpoint: a sample drawn per source file in proportion to its size (seeded by the
    /// experiment's seed, the same for every model); none: every block (the paper's rule).
    /// </summary>
    public int? PerplexityBlocks { get; init; }

    /// <summary>
    /// Score the final models' checkpoints at multiples of this (and the last step); a multiple of train.checkpoint_every.
    /// None: every saved checkpoint (the paper scores all 16).
    /// </summary>
    public int? CheckpointEvery { get; init; }

    /// <summary>Sequences per forward pass when scoring candidates.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Paired bootstrap replicates (paper: 1000).</summary>
    public int Replicates { get; init; } = 1000;

    internal IEnumerable<ConfigError> Validate()
    {
        if (PerplexityBlocks is < 1)
            yield return new("perplexity_blocks", $"must be at least 1 (or left out for all), got {PerplexityBlocks}");
        if (BatchSize < 1)
            yield return new("batch_size", $"must be at least 1, got {BatchSize}");
        if (Replicates is < 10 or > 100_000)
            yield return new("replicates", $"must be between 10 and 100000, got {Replicates}");
    }
}
