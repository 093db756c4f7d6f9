namespace ContrastivePipeline.Steps;

/// <summary>What the Mix step reads: blocks of the model's context; the seeded 95% of synthetic documents kept for training.</summary>
public sealed record MixSettings(int Context, int Seed, double TrainFraction);
