using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Export step reads: the model's name in logs and errors (GOOD, an arm and seed) and the checkpoint step
/// to export; null exports the run's last checkpoint (the final model).
/// </summary>
public sealed record ExportSettings(string Name, long? Step = null) : IReadsCheckpoints
{
    public IEnumerable<CheckpointRead> CheckpointsRead() => [new(ExportContract.Run, Step)];
}
