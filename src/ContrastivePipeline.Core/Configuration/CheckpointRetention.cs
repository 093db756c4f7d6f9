namespace ContrastivePipeline.Configuration;

/// <summary>Which checkpoints a finished training run keeps (train.keep_checkpoints).</summary>
public enum CheckpointRetention
{
    /// <summary>Every checkpoint (the default).</summary>
    All,

    /// <summary>
    /// Only those a later step of the experiment loads: GOOD's and the BADs' of the base run, the evaluated and exported
    /// ones of the final runs. Another experiment sharing the run and reading another checkpoint gets an error saying
    /// how to get it back (train.keep_checkpoints: all, and --force on that run's task).
    /// </summary>
    Read,
}
