namespace ContrastivePipeline.Build.Execution;

/// <summary>cake.config's <c>[Slurm]</c>: how the host polls, what each job asks as <c>--signal</c>, and the caps of a retry's resources.</summary>
/// <param name="Poll">Between two squeue calls.</param>
/// <param name="CommitGrace">How long a finished job's manifest may take to appear.</param>
/// <param name="Signal">The <c>--signal=</c> value; null asks none.</param>
/// <param name="MaxMemory">The most memory a retry asks (Slurm's syntax); null: no cap.</param>
/// <param name="MaxTime">The longest time a retry asks (Slurm's syntax); null: no cap.</param>
internal sealed record SlurmSettings(TimeSpan Poll, TimeSpan CommitGrace, string? Signal, string? MaxMemory, string? MaxTime);
