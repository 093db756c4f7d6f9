namespace ContrastivePipeline.Training;

/// <summary>One line of <c>metrics.jsonl</c>: the optimiser step just completed (1-based) and what it measured.</summary>
internal sealed record StepMetrics(long Step, double Loss, double LearningRate, double GradNorm, double TokensPerS);
