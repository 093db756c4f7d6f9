namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>μΔREL: the mean of an arm's relative changes over the non-perplexity tasks, with its paired bootstrap.</summary>
/// <param name="Value">A fraction, like <see cref="Comparison.RelativeChange"/>.</param>
/// <param name="PValue">(#{replicates with mean relative change ≤ 0} + 1)/(B + 1).</param>
internal sealed record MeanRelativeChange(
    string Arm, string Baseline, CheckpointRule Rule, IReadOnlyList<string> Tasks, double Value, Interval Ci, double PValue);
