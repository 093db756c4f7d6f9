using System.Text.Json.Serialization;

namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>One arm's score on one task: the mean over seeds of each seed's chosen checkpoint.</summary>
/// <param name="StdError">Std of the pooled per-seed bootstrap values / √(number of seeds), the paper's "±".</param>
/// <param name="Ci">95% percentile interval of the seed-averaged bootstrap replicates.</param>
/// <param name="Replicates">The seed-averaged bootstrap replicates, index-aligned with every other arm's.</param>
internal sealed record ArmTaskScore(
    string Arm, string Task, CheckpointRule Rule, bool HigherIsBetter, double Mean, double StdError, Interval Ci,
    IReadOnlyList<SeedScore> Seeds, [property: JsonIgnore] double[] Replicates);
