using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>
/// Report: aggregates every Score artifact under the paper's best-checkpoint rule and the final checkpoint, compares
/// each arm with the baseline (paired bootstrap), and writes report.json, report.md, summary.txt and PNG plots.
/// </summary>
internal sealed class ReportStep : IStep
{
    public string Name => ReportContract.Step;

    public void Run(StepContext context)
    {
        ReportWriter.Write(context.Settings<ReportSettings>(), context.Spec.Inputs, context.OutputFolder, context.Log);
        if (context.Spec.TensorBoard is { } folder)
            TensorBoard.Curves.Report(context.OutputFolder, folder);
    }
}
