namespace ContrastivePipeline.Steps;

/// <summary>What the Mix step reads: the seeded 95% of synthetic documents kept for training (packing is the Train step's).</summary>
public sealed record MixSettings(int Seed, double TrainFraction);
