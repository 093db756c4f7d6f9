using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Faults of the machine the host runs on, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class HostFailure
{
    const int NoSpace = 28; // ENOSPC, as .NET reports it on Linux

    public static string? Explain(Exception e) => e switch
    {
        DirectoryNotFoundException when e.Message.Contains("ContrastivePipeline.sln", StringComparison.Ordinal) => e.Message,
        IOException when e.HResult == NoSpace || e.Message.Contains("No space left", StringComparison.Ordinal) =>
            $"the disk is full ({e.Message}). Free space or point Paths.Artifacts in cake.config (or --paths_artifacts=...) " +
            "elsewhere, then rerun: finished instances are reused, nothing half-written was stored.",
        UnauthorizedAccessException or IOException => $"{e.Message}. Check the artifact root (Paths.Artifacts in cake.config, " +
            "or --paths_artifacts=...), then rerun: finished instances are reused, nothing half-written was stored.",
        LockTimeoutException => e.Message,
        _ => null,
    };
}
