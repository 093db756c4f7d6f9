namespace ContrastivePipeline.Contracts;

/// <summary>Corpus: the real text split into training text, seed pool, prompts and held-out text.</summary>
public static class CorpusContract
{
    public const string Step = "Corpus";

    /// <summary>Inputs: the corpus folder (none for the built-in corpus) and the held-out folder (where given).</summary>
    public const string Source = "source", PerplexitySource = "perplexity";

    public const string TrainFile = "train.txt", SeedPoolFile = "seed_pool.txt", PromptsFile = "prompts.txt",
        PerplexityFile = "perplexity.txt", PerplexitySourcesFile = "perplexity_sources.json", CountsFile = "counts.json";

    /// <summary>The built-in corpus's zero-shot probes, a folder of the artifact.</summary>
    public const string ProbesFolder = "probes";
}
