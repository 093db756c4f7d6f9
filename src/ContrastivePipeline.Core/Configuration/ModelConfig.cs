namespace ContrastivePipeline.Configuration;

/// <summary>
/// Llama-style decoder sizes (PAPER.md 3.1; the paper uses 12 layers x 768 hidden, 12 heads, 3072 intermediate,
/// 1024 context). The vocabulary size comes from the trained tokenizer, not from here.
/// </summary>
public sealed record ModelConfig
{
    public int Layers { get; init; } = 4;
    public int Hidden { get; init; } = 256;
    public int Heads { get; init; } = 4;

    /// <summary>SwiGLU inner width (paper: 4 x hidden).</summary>
    public int Intermediate { get; init; } = 1024;

    /// <summary>Tokens per training block and the longest position the model is trained on.</summary>
    public int Context { get; init; } = 256;

    internal IEnumerable<ConfigError> Validate()
    {
        if (Layers is < 1 or > 256)
            yield return new("layers", $"must be between 1 and 256, got {Layers}");
        if (Heads < 1)
            yield return new("heads", $"must be at least 1, got {Heads}");
        else if (Hidden < 2 || Hidden % Heads != 0 || Hidden / Heads % 2 != 0)
            yield return new("hidden", $"must be a positive multiple of heads ({Heads}) with an even head size (rotary embeddings rotate pairs), got {Hidden}");
        if (Intermediate < 1)
            yield return new("intermediate", $"must be at least 1, got {Intermediate}");
        if (Context is < 2 or > 1_048_576)
            yield return new("context", $"must be between 2 and 1048576, got {Context}");
    }
}
