using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Tests.Evaluation.Aggregation;

/// <summary>Evidence whose score is the same under every resample: aggregation arithmetic can then be checked by hand.</summary>
internal sealed class ConstantEvidence(string task, double value, bool higherIsBetter = true) : TaskEvidence(task)
{
    public override bool HigherIsBetter => higherIsBetter;

    public override IReadOnlyList<int> Strata { get; } = [1];

    public override double Score() => value;

    public override double Score(IReadOnlyList<int[]> draw) => value;
}
