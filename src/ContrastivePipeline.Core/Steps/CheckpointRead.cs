namespace ContrastivePipeline.Steps;

/// <summary>A checkpoint a step loads from one of its inputs (a Train run); a null step is the run's last checkpoint.</summary>
public sealed record CheckpointRead(string Input, long? Step);
