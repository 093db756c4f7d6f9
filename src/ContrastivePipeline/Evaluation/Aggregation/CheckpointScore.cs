namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>One checkpoint's evidence on one task: the input of aggregation.</summary>
/// <param name="Arm">The configuration (BASELINE, CD-Early-500, No-Contrast, ...).</param>
internal sealed record CheckpointScore(string Arm, int Seed, int Step, TaskEvidence Evidence);
