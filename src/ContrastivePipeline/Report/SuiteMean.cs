using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Report;

/// <summary>μΔREL of one arm over the non-perplexity tasks of one suite ("babylm" official tasks, or "tinyworld" probes).</summary>
internal sealed record SuiteMean(string Suite, MeanRelativeChange Change);
