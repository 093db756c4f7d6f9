using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Host;

/// <summary>Faults the host meets, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class HostFailure
{
    public static string? Explain(Exception e) =>
        e is StepFailedException or UnwritableRootException ? e.Message
        : e is DirectoryNotFoundException && e.Message.Contains("ContrastivePipeline.sln", StringComparison.Ordinal) ? e.Message
            : MachineFault.Explain(e, "the artifact root");
}
