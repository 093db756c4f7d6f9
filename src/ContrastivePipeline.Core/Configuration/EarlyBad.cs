using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Configuration;

/// <summary>CD-EARLY-k (the paper's best): an earlier checkpoint of GOOD's own run, no extra training.</summary>
internal sealed class EarlyBad : BadRules
{
    public override BadKind Kind => BadKind.Early;

    public override string Label(BadConfig bad) => $"early-{bad.Step}";

    public override BadCheckpoint Checkpoint(BadConfig bad, int goodStep) => new(bad.Step, 0);

    public override string? StepProblem(BadConfig bad, Func<int, bool> saved, string savedText, int goodStep) =>
        saved(bad.Step) && bad.Step < goodStep ? null : $"must be {savedText}, earlier than good.step ({goodStep}), got {bad.Step}";
}
