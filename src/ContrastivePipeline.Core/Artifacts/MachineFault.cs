namespace ContrastivePipeline.Artifacts;

/// <summary>
/// Faults of the machine under the store (a full disk, a folder that cannot be written), as one line that says what
/// to do; shared by the host and the step programs. Anything else is not explained here and keeps its trace.
/// </summary>
public static class MachineFault
{
    const int NoSpace = 28; // ENOSPC, as .NET reports it on Linux

    public static string? Explain(Exception e, string store) => e switch
    {
        IOException when e.HResult == NoSpace || e.Message.Contains("No space left", StringComparison.Ordinal) =>
            $"the disk holding {store} is full ({e.Message}). Free space or point Paths.Artifacts in cake.config " +
            "(or --paths_artifacts=...) elsewhere, then rerun: finished instances are reused, nothing half-written was stored.",
        UnauthorizedAccessException or IOException => $"{e.Message}. Check that {store} is a writable folder on a healthy " +
            "disk (Paths.Artifacts in cake.config, or --paths_artifacts=...), then rerun: finished instances are reused, " +
            "nothing half-written was stored.",
        LockTimeoutException or LockLostException => e.Message,
        _ => null,
    };
}
