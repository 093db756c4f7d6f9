namespace ContrastivePipeline.Build.Publish;

/// <summary>One number of a model card: a task's score of the exported checkpoint, or its arm's μΔREL against the baseline.</summary>
/// <param name="Type">The Hub's metric id (perplexity, accuracy, or muDeltaREL).</param>
internal sealed record CardMetric(string Name, string Type, double Value);
