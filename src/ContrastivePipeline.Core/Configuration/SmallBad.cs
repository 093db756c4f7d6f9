using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Configuration;

/// <summary>CD-SMALL-r: a smaller model trained with GOOD's recipe and tokenizer, read at its own step.</summary>
internal sealed class SmallBad : BadRules
{
    public override BadKind Kind => BadKind.Small;

    public override string Label(BadConfig bad) => $"small-{bad.Step}";

    public override bool OwnRun => true;

    public override BadCheckpoint Checkpoint(BadConfig bad, int goodStep) => new(bad.Step, 0);

    public override string? StepProblem(BadConfig bad, Func<int, bool> saved, string savedText, int goodStep) =>
        saved(bad.Step) ? null : $"must be {savedText} of the small run, got {bad.Step}";
}
