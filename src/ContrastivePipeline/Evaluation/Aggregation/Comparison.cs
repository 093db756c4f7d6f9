using System.Text.Json.Serialization;

namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>An arm against the baseline on one task, paired over the shared bootstrap replicates.</summary>
/// <param name="RelativeChange">(m − b)/b, or (b − m)/b for perplexity, so positive is better; a fraction (0.049 = +4.9%).</param>
/// <param name="Improvement">m − b (b − m for perplexity) in the task's units.</param>
/// <param name="PValue">One-sided, "the arm is no better": (#{replicates with improvement ≤ 0} + 1)/(B + 1).</param>
internal sealed record Comparison(
    string Arm, string Baseline, string Task, CheckpointRule Rule, bool HigherIsBetter, double Score, double BaselineScore,
    double RelativeChange, Interval RelativeChangeCi, double Improvement, Interval ImprovementCi, double PValue,
    [property: JsonIgnore] double[] RelativeReplicates)
{
    /// <summary>
    /// The paper's "*": better than the baseline, the 95% interval of the improvement above 0 (an arm whose interval
    /// lies below 0 is significantly worse, and not starred).
    /// </summary>
    public bool SignificantlyBetter => ImprovementCi.Low > 0;
}
