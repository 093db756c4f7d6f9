using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Train step reads: the model's sizes, the recipe, the run's seed (weights and data order), and the share
/// of every batch taken from the synthetic stream (null for real data only).
/// </summary>
public sealed record TrainSettings(ModelConfig Model, TrainConfig Train, int Seed, SyntheticShare? Synthetic = null)
{
    /// <summary>Synthetic sequences per batch, by the paper's rule (<see cref="SyntheticShare"/>): 64 of 256 at 0.3.</summary>
    public int SyntheticRows => Synthetic?.Rows(Train.BatchSize) ?? 0;
}
