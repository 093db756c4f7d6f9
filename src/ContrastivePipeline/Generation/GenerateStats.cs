using System.Text.Json.Serialization;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Generation;

/// <summary>
/// <c>stats.json</c> of a synthetic corpus. Tokens are model tokens (the kept prefixes plus the new tokens); document
/// length is in words. <see cref="OutsideHeadShare"/> is the share of sampled tokens that fell outside GOOD's
/// plausibility head (null for ancestral sampling, which has no head). The time is logged, not stored (see ShardCounts).
/// </summary>
internal sealed record GenerateStats(
    DecodingStrategy Strategy,
    int Prompts,
    int Samples,
    long Documents,
    long PrefixTokens,
    long GeneratedTokens,
    long Words,
    double MeanDocumentWords,
    double Distinct1,
    double Distinct2,
    double Distinct3,
    double Distinct4,
    double? OutsideHeadShare,
    [property: JsonIgnore] double GenerationSeconds);
