namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>The checkpoint chosen for one seed and its score.</summary>
internal sealed record SeedScore(int Seed, int Step, double Score);
