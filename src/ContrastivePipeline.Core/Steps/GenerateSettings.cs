using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Generate step reads: the sampling settings, the strategy, GOOD's checkpoint, BAD's kind, checkpoint and
/// dropout (ignored for ancestral and head-only), and the experiment seed that every row's random stream derives from.
/// </summary>
public sealed record GenerateSettings(
    GenerateConfig Generate, DecodingStrategy Strategy, int GoodStep, BadKind BadKind, int BadStep, double BadDropout, int Seed);
