using System.Text.Json.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// Optimiser and schedule (PAPER.md 3.3: AdamW, peak 1e-3, 150 warm-up steps then cosine to 0, weight decay 0.1 on
/// every parameter, 8000 steps of 256 x 1024 tokens, a checkpoint every 500 steps). Defaults are sized for a CPU.
/// </summary>
public sealed record TrainConfig
{
    public int Steps { get; init; } = 2000;

    /// <summary>Sequences of <c>model.context</c> tokens per optimiser step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Sequences per forward pass when a batch does not fit the device at once; gradients are accumulated. None: the whole batch.</summary>
    public int? MicroBatch { get; init; }

    /// <summary>Peak learning rate, reached at the end of warm-up.</summary>
    public double LearningRate { get; init; } = 1e-3;

    public int WarmupSteps { get; init; } = 150;

    /// <summary>Decoupled (AdamW) weight decay, applied to every parameter as in the paper's code.</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>
    /// Largest global gradient L2 norm; 0 turns clipping off (the norm is still logged). The authors' loop does not
    /// clip (paper.yaml sets 0); the CPU-sized default keeps 1.0, which steadies short runs with few warm-up steps.
    /// </summary>
    public double GradClip { get; init; } = 1.0;

    public int CheckpointEvery { get; init; } = 500;

    // What a finished run keeps is not what it computes: the two settings below are in no key (JsonIgnore keeps them
    // out of the settings JSON that keys hash), so changing them reruns nothing, and runs shared by experiments that
    // keep different checkpoints stay shared.

    /// <summary>Keep each checkpoint's optimizer state once the run has finished (only resuming it needs that state).</summary>
    [JsonIgnore]
    public bool KeepOptimizer { get; init; }

    /// <summary>Which checkpoints a finished run keeps: all, or those a later step of the experiment reads.</summary>
    [JsonIgnore]
    public CheckpointRetention KeepCheckpoints { get; init; } = CheckpointRetention.All;

    internal IEnumerable<ConfigError> Validate()
    {
        if (Steps < 1)
            yield return new("steps", $"must be at least 1, got {Steps}");
        if (BatchSize < 1)
            yield return new("batch_size", $"must be at least 1, got {BatchSize}");
        if (MicroBatch is { } micro && (micro < 1 || micro > BatchSize))
            yield return new("micro_batch", $"must be between 1 and batch_size ({BatchSize}), or left out, got {micro}");
        if (LearningRate is <= 0 or > 1 || double.IsNaN(LearningRate))
            yield return new("learning_rate", $"must be in (0, 1], got {LearningRate}");
        if (WarmupSteps < 0 || WarmupSteps > Steps)
            yield return new("warmup_steps", $"must be between 0 and steps ({Steps}), got {WarmupSteps}");
        if (WeightDecay is < 0 or >= 1 || double.IsNaN(WeightDecay))
            yield return new("weight_decay", $"must be in [0, 1), got {WeightDecay}");
        if (GradClip < 0 || double.IsNaN(GradClip))
            yield return new("grad_clip", $"must be 0 (off) or positive, got {GradClip}");
        if (CheckpointEvery < 1)
            yield return new("checkpoint_every", $"must be at least 1, got {CheckpointEvery}");
    }
}
