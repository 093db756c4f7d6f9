namespace ContrastivePipeline.Contracts;

/// <summary>Tokenize: BPE trained on the training text, and the document sets encoded into shards.</summary>
public static class TokenizeContract
{
    public const string Step = "Tokenize";

    /// <summary>Input: the Corpus artifact.</summary>
    public const string Corpus = "corpus";

    public const string TrainShard = "train.bin", PromptShard = "prompts.bin", PerplexityShard = "perplexity.bin",
        PerplexityStrataFile = "perplexity_strata.json", CountsFile = "tokenize.json";
}
