using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Train step reads: the model's sizes, the recipe, the run's seed (weights and data order), and the share
/// of every batch taken from the synthetic stream (0 for real data only).
/// </summary>
public sealed record TrainSettings(ModelConfig Model, TrainConfig Train, int Seed, double SyntheticRatio = 0)
{
    /// <summary>Synthetic sequences per batch: floored, as the paper's <c>int(16 * 0.3) = 4</c> (25%, not 30%).</summary>
    public int SyntheticRows => (int)(Train.BatchSize * SyntheticRatio + 1e-9);
}
