namespace ContrastivePipeline.Steps;

/// <summary>
/// Settings of a step that loads checkpoints of a training run: the run keeps them when train.keep_checkpoints is
/// <c>read</c>, and asking for one that a run dropped is an error before anything runs.
/// </summary>
public interface IReadsCheckpoints
{
    /// <remarks>A method, not a property: settings are serialized into the key, and this must not be.</remarks>
    IEnumerable<CheckpointRead> CheckpointsRead();
}
