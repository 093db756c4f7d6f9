using System.Text.Json.Serialization;

namespace ContrastivePipeline.Tokenization;

/// <summary>tokenize.json: what the Tokenize step produced, per shard; times are logged, not stored (see EncodeCounts).</summary>
internal sealed record TokenizeCounts(
    int VocabSize,
    int TokenizerVocabulary,
    int Merges,
    [property: JsonIgnore] double TrainSeconds,
    EncodeCounts Train,
    EncodeCounts Prompts,
    EncodeCounts Perplexity);
