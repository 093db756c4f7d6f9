namespace ContrastivePipeline.Tokenization;

/// <summary>tokenize.json: what the Tokenize step produced, per shard.</summary>
internal sealed record TokenizeCounts(
    int VocabSize,
    int TokenizerVocabulary,
    int Merges,
    double TrainSeconds,
    EncodeCounts Train,
    EncodeCounts Prompts,
    EncodeCounts Perplexity);
