using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>The failures a user can fix, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class StepFailure
{
    const int NoSpace = 28; // ENOSPC, as .NET reports it on Linux

    public static string? Explain(Exception e, StepSpec spec) => e switch
    {
        StepException or LockTimeoutException => e.Message,
        IOException when e.HResult == NoSpace || e.Message.Contains("No space left", StringComparison.Ordinal) =>
            $"the disk holding {spec.Store} is full ({e.Message}). Free space or point Paths.Artifacts in cake.config " +
            "(or --paths_artifacts=...) elsewhere, then rerun; nothing half-written was stored and finished work is kept.",
        UnauthorizedAccessException or IOException =>
            $"{e.Message}. Check that {spec.Store} is a writable folder on a healthy disk, then rerun; nothing half-written was stored.",
        _ => null,
    };
}
