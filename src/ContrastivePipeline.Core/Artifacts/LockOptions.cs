namespace ContrastivePipeline.Artifacts;

/// <summary>How a <see cref="KeyLock"/> tells a live holder from a gone one; tests replace the host, the lease and Slurm.</summary>
public sealed record LockOptions
{
    public static readonly LockOptions Default = new();

    /// <summary>This host's name, as holders record it: a lease of this host is judged by its process, not its age.</summary>
    public string Host { get; init; } = Environment.MachineName;

    /// <summary>The Slurm job this run belongs to, if any: a lease of the same job is never kept alive by that job.</summary>
    public string? SlurmJob { get; init; } = Environment.GetEnvironmentVariable("SLURM_JOB_ID");

    /// <summary>How long a lease lasts unrenewed; its holder renews it every quarter of that.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Called (on the renewal's thread) when the holder finds its lease broken: a step stops there, so that it writes no
    /// more into the partial folder that the run now holding the key uses. Null: only <see cref="KeyLock.Lost"/> says so.
    /// </summary>
    public Action? OnLost { get; init; }

    /// <summary>Whether a Slurm job still runs (or waits to): true, false, or null when nobody can say (no squeue).</summary>
    public Func<string, bool?> SlurmJobAlive { get; init; } = SlurmJobs.IsAlive;
}
