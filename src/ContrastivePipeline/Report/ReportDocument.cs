using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>report.json: every number of the report at full precision.</summary>
/// <param name="Tasks">The tasks in column order (perplexity first).</param>
/// <param name="Rules">The paper's best-checkpoint rule, then the final checkpoint.</param>
/// <param name="Good">GOOD's single (last evaluated) checkpoint against the baseline, when GOOD was evaluated.</param>
/// <param name="Ties">Tie counts of every arm, seed, checkpoint and accuracy task.</param>
/// <param name="Perplexity">The held-out text every model's perplexity was measured on.</param>
/// <param name="Curves">Held-out perplexity at every evaluated checkpoint of every run (GOOD's included).</param>
/// <param name="Corpora">The diagnostics of the real training text and of every synthetic corpus, the real text first.</param>
internal sealed record ReportDocument(
    string Baseline, IReadOnlyList<ReportArm> Arms, IReadOnlyList<string> Tasks, int Replicates, int Seed,
    IReadOnlyList<RunSummary> Runs, IReadOnlyList<RuleReport> Rules, RuleReport? Good, IReadOnlyList<TieCount> Ties,
    PerplexitySet Perplexity, IReadOnlyList<CurvePoint> Curves, IReadOnlyList<CorpusRow> Corpora)
{
    public const string GoodArm = "good";
}
