namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>Mean cross-entropy (nats/token) of each test block; perplexity = exp(mean over blocks), lower is better.</summary>
internal sealed class PerplexityEvidence(double[] blockLosses) : TaskEvidence(TaskNames.Perplexity)
{
    public override bool HigherIsBetter => false;

    public override IReadOnlyList<int> Strata { get; } = [blockLosses.Length];

    public override double Score() => Math.Exp(blockLosses.Average());

    public override double Score(IReadOnlyList<int[]> draw) => Math.Exp(draw[0].Average(i => blockLosses[i]));
}
