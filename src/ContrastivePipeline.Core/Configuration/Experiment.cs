namespace ContrastivePipeline.Configuration;

/// <summary>One experiment file, bound with defaults. Sections follow the paper's pipeline order.</summary>
public sealed record Experiment
{
    /// <summary>The experiment's name; defaults to the file name without extension.</summary>
    public string Name { get; init; } = "";

    /// <summary>Master seed: splits, data order and sampling streams derive from it.</summary>
    public int Seed { get; init; } = 42;

    public CorpusConfig Corpus { get; init; } = new();
    public TokenizerConfig Tokenizer { get; init; } = new();

    internal IEnumerable<ConfigError> Validate() =>
        Corpus.Validate().Select(e => e.Under("corpus"))
            .Concat(Tokenizer.Validate().Select(e => e.Under("tokenizer")));
}
