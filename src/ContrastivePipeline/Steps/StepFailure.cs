using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>The failures a user can fix, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class StepFailure
{
    public static string? Explain(Exception e, StepSpec spec) => e is StepException ? e.Message : MachineFault.Explain(e, spec.Store);
}
