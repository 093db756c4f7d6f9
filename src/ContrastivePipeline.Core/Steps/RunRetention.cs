using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What a finished training run keeps of its checkpoints (<c>checkpoints/step_000500/</c> with <c>model.bin</c>,
/// <c>optimizer.bin</c>, <c>state.json</c>, as Training/Checkpoints writes them). Dropped files are deleted after they
/// are hashed and stay in the manifest, so what a run keeps never changes its key or the keys built from it.
/// </summary>
/// <param name="KeepOptimizer">Keep the optimizer state, which only resuming the run needs (train.keep_optimizer).</param>
/// <param name="Checkpoints">The checkpoint steps to keep; null keeps them all (train.keep_checkpoints: all).</param>
public sealed record RunRetention(bool KeepOptimizer, IReadOnlyList<long>? Checkpoints)
{
    /// <summary>Whether <paramref name="file"/> (relative to the run's artifact, forward slashes) is dropped.</summary>
    public bool Drops(string file)
    {
        if (RunLayout.CheckpointOf(file) is not { } step)
            return false;
        return (Checkpoints is { } kept && !kept.Contains(step)) || (!KeepOptimizer && file.EndsWith("/" + RunLayout.OptimizerFile, StringComparison.Ordinal));
    }
}
