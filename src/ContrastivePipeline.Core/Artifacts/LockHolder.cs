namespace ContrastivePipeline.Artifacts;

/// <summary>Who holds a key's lock: written beside the lock by its holder, read by a run that waits, for its messages.</summary>
public sealed record LockHolder(int Pid, string Host, DateTimeOffset Since, string? SlurmJob)
{
    public static LockHolder Current(LockOptions options) =>
        new(Environment.ProcessId, options.Host, DateTimeOffset.UtcNow, options.SlurmJob);

    /// <summary>The record, or null when there is none yet (or it is being replaced).</summary>
    public static LockHolder? Read(string path)
    {
        try
        {
            return File.Exists(path) ? Json.Read<LockHolder>(path) : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"process {Pid} on host {Host}{(SlurmJob is { } job ? $" (Slurm job {job})" : "")} since {Since:yyyy-MM-dd HH:mm:ss} UTC";
}
