using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Report;

/// <summary>Everything one checkpoint rule gives: per arm and task the score, the comparison with the baseline, and μΔREL.</summary>
internal sealed record RuleReport(
    CheckpointRule Rule, IReadOnlyList<ArmTaskScore> Scores, IReadOnlyList<Comparison> Comparisons, IReadOnlyList<SuiteMean> MeanRelative);
