namespace ContrastivePipeline.Artifacts;

/// <summary>
/// Whether the holder of a lease is gone, and why, for the message that breaks it. A holder on this host is alive while
/// its process is (same pid, same start time), whatever its lease's age. A holder on another host is alive while its
/// lease is younger than its duration (renewals move it), or, once it is older, while Slurm says its job has not ended.
/// </summary>
internal static class HolderCheck
{
    /// <summary>Why the holder is gone, or null while it may be alive.</summary>
    /// <param name="now">The file server's time now (<see cref="FileSystemClock"/>), asked only for another host's lease.</param>
    public static string? WhyGone(LeaseSeen seen, LockOptions options, Func<DateTimeOffset> now)
    {
        if (seen.Record is not { } lease) // a lease being written is renewed as soon as it is complete
        {
            var age = now() - seen.Modified;
            return age > options.Lease ? $"its lease has been unreadable for {age.TotalSeconds:F0} s" : null;
        }
        var holder = lease.Holder;
        if (holder.Host == options.Host)
            return LocalProcess.IsAlive(holder.Pid, lease.ProcessStart) ? null : "its process has ended";
        var expired = now() - seen.Modified - TimeSpan.FromSeconds(lease.Seconds);
        if (expired <= TimeSpan.Zero)
            return null;
        var why = $"its lease expired {expired.TotalSeconds:F0} s ago";
        // A job's restart on another node (--requeue) must not wait for its own earlier run.
        if (holder.SlurmJob is not { } job || job == options.SlurmJob)
            return why;
        return options.SlurmJobAlive(job) switch
        {
            true => null,
            false => $"{why} and Slurm job {job} has ended",
            null => $"{why} (and squeue cannot say whether Slurm job {job} still runs)",
        };
    }
}
