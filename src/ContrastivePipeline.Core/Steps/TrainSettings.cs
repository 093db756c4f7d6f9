using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>What the Train step reads: the model's sizes, the recipe, and the run's seed (weights and data order).</summary>
public sealed record TrainSettings(ModelConfig Model, TrainConfig Train, int Seed);
