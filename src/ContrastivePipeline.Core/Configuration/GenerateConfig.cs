using System.Text.Json.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// Sampling the synthetic corpora from the seed prompts (PAPER.md 2.3, 2.4, 4: 20-token prefixes, 8 continuations of
/// 400 tokens, tau 1, alpha 0.1, lambda 1, penalty -20, no top-k/top-p). Defaults are sized for a CPU.
/// </summary>
public sealed record GenerateConfig
{
    /// <summary>Tokens of each seed kept as the prompt, &lt;s&gt; included; shorter seeds are left-padded.</summary>
    public int PrefixTokens { get; init; } = 20;

    /// <summary>Samples per prompt.</summary>
    public int Continuations { get; init; } = 2;

    /// <summary>Tokens sampled per continuation; generation never stops early.</summary>
    public int NewTokens { get; init; } = 128;

    /// <summary>A seeded choice of this many seed prompts, spread over every source file; null takes all of them.</summary>
    public int? MaxPrompts { get; init; } = 64;

    /// <summary>Divides both models' logits before anything else.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Plausibility head: tokens with p_GOOD above alpha times the largest p_GOOD.</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Weight of BAD's log-probability in the contrastive score.</summary>
    public double Lambda { get; init; } = 1.0;

    /// <summary>Score of tokens outside the head (and of tokens cut by top-k/top-p); -inf is allowed.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double Penalty { get; init; } = -20.0;

    /// <summary>Keep only the k best scores; null is off.</summary>
    public int? TopK { get; init; }

    /// <summary>Keep the smallest prefix of scores with probability mass up to p plus the token that crosses p; null is off.</summary>
    public double? TopP { get; init; }

    /// <summary>Keep the real prompt in the synthetic text, as the paper does.</summary>
    public bool KeepPrefix { get; init; } = true;

    /// <summary>Output files of contiguous prompt ranges; a killed run resumes at the first unfinished one.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Rows (prompts x continuations) per forward pass; does not change the corpus.</summary>
    public int BatchSize { get; init; } = 64;

    internal IEnumerable<ConfigError> Validate()
    {
        if (PrefixTokens < 1)
            yield return new("prefix_tokens", $"must be at least 1, got {PrefixTokens}");
        if (Continuations < 1)
            yield return new("continuations", $"must be at least 1, got {Continuations}");
        if (NewTokens < 1)
            yield return new("new_tokens", $"must be at least 1, got {NewTokens}");
        if (MaxPrompts < 1)
            yield return new("max_prompts", $"must be at least 1 or null (all prompts), got {MaxPrompts}");
        if (Temperature <= 0 || !double.IsFinite(Temperature))
            yield return new("temperature", $"must be a positive number, got {Temperature}");
        if (Alpha is < 0 or >= 1 || double.IsNaN(Alpha))
            yield return new("alpha", $"must be in [0, 1), got {Alpha}");
        if (Lambda < 0 || !double.IsFinite(Lambda))
            yield return new("lambda", $"must be 0 or positive, got {Lambda}");
        if (Penalty >= 0 || double.IsNaN(Penalty))
            yield return new("penalty", $"must be negative (the paper: -20) or -inf, got {Penalty}");
        if (TopK < 1)
            yield return new("top_k", $"must be at least 1 or null (off), got {TopK}");
        if (TopP is <= 0 or > 1 || (TopP is { } p && double.IsNaN(p)))
            yield return new("top_p", $"must be in (0, 1] or null (off), got {TopP}");
        if (Shards < 1)
            yield return new("shards", $"must be at least 1, got {Shards}");
        if (BatchSize < 1)
            yield return new("batch_size", $"must be at least 1, got {BatchSize}");
        if (BatchSize < Continuations)
            yield return new("batch_size", $"must hold the {Continuations} continuations of one prompt, got {BatchSize}");
    }
}
