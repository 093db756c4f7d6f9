using System.Globalization;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Configuration;

/// <summary>CD-DROP-p: GOOD's own checkpoint sampled with attention dropout kept on.</summary>
internal sealed class DropoutBad : BadRules
{
    public override BadKind Kind => BadKind.Dropout;

    public override string Label(BadConfig bad) => $"dropout-{bad.Dropout.ToString(CultureInfo.InvariantCulture)}";

    public override BadCheckpoint Checkpoint(BadConfig bad, int goodStep) => new(goodStep, bad.Dropout);
}
