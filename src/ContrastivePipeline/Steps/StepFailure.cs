using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>The failures a user can fix, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class StepFailure
{
    public static string? Explain(Exception e, StepSpec spec) => e switch
    {
        StepException => e.Message,
        // A malformed file (an evaluation item a user gave, a damaged shard): its message names the file and line.
        InvalidDataException => $"{e.Message} (a malformed file: fix or replace it, then rerun)",
        _ => MachineFault.Explain(e, spec.Store),
    };
}
