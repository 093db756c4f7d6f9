using System.Text;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Report;

/// <summary>report.md: what was compared, one table per checkpoint rule, the synthetic fractions, ties and plots.</summary>
internal static class MarkdownReport
{
    public const string FileName = "report.md";

    public static string Render(ReportDocument report, IReadOnlyList<string> plots)
    {
        var arms = ReportBuilder.ArmOrder(report, report.Runs.Select(r => r.Arm));
        var md = new StringBuilder();
        md.Append("# Report\n\n");
        Compared(md, report, arms);
        foreach (var rule in report.Rules)
        {
            md.Append(rule.Rule == CheckpointRule.Best
                ? "## Best checkpoint per seed and task (the paper's rule)\n\nEach seed contributes its best evaluated checkpoint on each task (lowest perplexity, highest accuracy), then the mean over seeds. The choice is made on the test data, so these numbers are optimistic.\n\n"
                : "## Final checkpoint (the honest number)\n\nEach seed contributes its last evaluated checkpoint on every task, then the mean over seeds.\n\n");
            Table(md, ReportTable.Of(report, rule, arms, TaskColumns.Title, withError: true));
            md.Append('\n');
        }
        md.Append("Cells are mean ± std error over seeds (the paper's ±: std of the pooled per-seed bootstrap values / √seeds). ")
            .Append("`*`: better than the baseline, the 95% paired-bootstrap interval of the difference excluding 0. ")
            .Append("μΔREL: mean relative change vs the baseline over the non-perplexity tasks of a suite, in percent.\n\n");
        Held(md, report, arms);
        Corpora(md, report);
        Fractions(md, report, arms);
        Ties(md, report, arms);
        md.Append("## Plots\n\n");
        foreach (var plot in plots)
            md.Append($"- `{plot}`: {PlotCaption(plot)}\n");
        md.Append("\n## Tracing a number to items\n\n")
            .Append($"Per-item predictions live in the Score artifacts (`step_NNNNNN/tasks/{EvaluationRun.ZeroShotFile}` and `step_NNNNNN/probes/{EvaluationRun.ZeroShotFile}`, ")
            .Append($"reading surprisals in `{EvaluationRun.ReadingFile}`), so every number here traces to items. ")
            .Append("report.json holds the same numbers at full precision, with each seed's chosen step, the 95% intervals and the one-sided p-values.\n");
        return md.ToString();
    }

    static void Compared(StringBuilder md, ReportDocument report, IReadOnlyList<string> arms)
    {
        md.Append($"Compared: {arms.Count - 1} arm(s) against the baseline `{report.Baseline}`")
            .Append(report.Good is null ? "" : ", and the GOOD model (its single checkpoint)")
            .Append($", on {report.Tasks.Count} task(s). Paired bootstrap: {report.Replicates} replicates, seed {report.Seed}, one shared set of resampling indices for all models.\n\n");
        md.Append("| arm | seeds | evaluated steps |\n|---|---|---|\n");
        foreach (var arm in arms.Append(ReportDocument.GoodArm))
        {
            var runs = report.Runs.Where(r => r.Arm == arm).OrderBy(r => r.Seed).ToList();
            if (runs.Count > 0)
                md.Append($"| {arm} | {string.Join(", ", runs.Select(r => r.Seed))} | {string.Join(", ", runs.SelectMany(r => r.Steps).Distinct().Order())} |\n");
        }
        md.Append('\n');
    }

    static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("| ").Append(string.Join(" | ", table.Header)).Append(" |\n|")
            .Append(string.Concat(table.Header.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
        foreach (var row in table.Rows)
            md.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
    }

    static void Held(StringBuilder md, ReportDocument report, IReadOnlyList<string> arms)
    {
        var set = report.Perplexity;
        md.Append("## Held-out perplexity\n\n")
            .Append(set.IsWhole
                ? $"Perplexity is measured on every block of the held-out text (the paper's rule): {set.Blocks:N0} blocks, "
                : $"Perplexity is measured on a sample of {set.Blocks:N0} of the {set.SplitBlocks:N0} held-out blocks, drawn per file in proportion to its blocks (seeded; the same blocks for every model): ")
            .Append($"{set.Tokens:N0} predicted tokens from {set.Files.Count} file(s).\n\n")
            .Append("| file | blocks in the split | blocks scored |\n|---|---:|---:|\n");
        foreach (var file in set.Files)
            md.Append($"| {file.Source} | {file.SplitBlocks:N0} | {file.Blocks:N0} |\n");
        md.Append("\nEach arm's perplexity at its final checkpoint (mean over seeds), with the 95% bootstrap interval over blocks (resampled within files):\n\n")
            .Append("| arm | perplexity | 95% interval |\n|---|---:|---|\n");
        var final = report.Rules.Single(r => r.Rule == CheckpointRule.Final).Scores.Concat(report.Good?.Scores ?? [])
            .Where(s => s.Task == TaskNames.Perplexity).ToDictionary(s => s.Arm);
        foreach (var arm in arms.Append(ReportDocument.GoodArm).Where(final.ContainsKey))
            md.Append($"| {arm} | {ReportTable.Number(final[arm].Mean)} | [{ReportTable.Number(final[arm].Ci.Low)}, {ReportTable.Number(final[arm].Ci.High)}] |\n");
        md.Append('\n');
    }

    static void Corpora(StringBuilder md, ReportDocument report)
    {
        if (report.Corpora.Count == 0)
            return;
        md.Append("## The corpora, before any model trains on them\n\n")
            .Append("Each synthetic corpus beside the real training text. Perplexity of GOOD and of the BAD (a contrastive corpus: its own BAD; every other row: the experiment's first) on a seeded sample of the text's blocks. ")
            .Append("Distinct-n: distinct word n-grams over all n-grams, counted on a seeded choice of documents of about the same number of words in every corpus (column \"words for distinct-n\"; distinct-n falls as text grows); repeated 4-grams: the share of 4-grams that repeat an earlier one of their own document; lengths in words.\n\n")
            .Append("| corpus | documents | tokens | mean length | GOOD perplexity | BAD perplexity | words for distinct-n | distinct-1 | distinct-2 | distinct-3 | repeated 4-grams |\n")
            .Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (corpus, d) in report.Corpora)
        {
            md.Append($"| {corpus} | {d.Documents:N0} | {d.Tokens:N0} | {ReportTable.Number(d.MeanDocumentWords)} | {ReportTable.Number(d.GoodPerplexity)} | ")
                .Append($"{ReportTable.Number(d.BadPerplexity)} | {d.DistinctWords:N0} | {d.Distinct1:F3} | {d.Distinct2:F3} | {d.Distinct3:F3} | {ReportTable.Number(100 * d.Repeated4)}% |\n");
        }
        md.Append($"\nSample texts (a seeded choice of documents, each cut at {SampleWords} words; whole in diagnostics.json):\n\n");
        foreach (var (corpus, d) in report.Corpora)
        {
            md.Append($"**{corpus}**\n\n");
            foreach (var sample in d.Samples)
                md.Append("> ").Append(Cut(sample).ReplaceLineEndings("\n> ")).Append("\n\n");
        }
    }

    const int SampleWords = 80;

    /// <summary>The first <see cref="SampleWords"/> words of a document, its line breaks kept.</summary>
    static string Cut(string document)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(document, @"\S+");
        return words.Count <= SampleWords ? document : document[..(words[SampleWords - 1].Index + words[SampleWords - 1].Length)] + " …";
    }

    static void Fractions(StringBuilder md, ReportDocument report, IReadOnlyList<string> arms)
    {
        md.Append("## Synthetic fraction\n\n")
            .Append("The nominal ratio is the paper's mixing ratio. As in the authors' code, it is floored per device batch: each device batch of D sequences holds int(D × ratio) synthetic ones (the actual fraction below), so the paper's nominal 0.3 of 16 is 4/16 = 25% synthetic, 64 of the 256 sequences of a step.\n\n")
            .Append("| arm | synthetic corpus | nominal ratio | synthetic per device batch | actual synthetic fraction |\n|---|---|---:|---:|---:|\n");
        foreach (var arm in report.Arms.Where(a => arms.Contains(a.Name)))
        {
            var share = arm.Share;
            md.Append($"| {arm.Name} | {arm.Corpus} | {ReportTable.Number(arm.Ratio)} | {share.RowsPerDeviceBatch} of {share.PerDeviceBatch} | " +
                $"{ReportTable.Number(100 * share.Fraction)}% |\n");
        }
        md.Append('\n');
    }

    static void Ties(StringBuilder md, ReportDocument report, IReadOnlyList<string> arms)
    {
        var tasks = report.Tasks.Where(t => report.Ties.Any(c => c.Task == t)).ToList();
        if (tasks.Count == 0)
            return;
        md.Append("## Ties\n\nItems whose candidates got exactly equal log-probs (credited 1/k), at each run's last checkpoint, summed over seeds: ties / items.\n\n");
        Table(md, new ReportTable
        {
            Header = ["arm", .. tasks.Select(TaskColumns.Title)],
            Rows = arms.Append(ReportDocument.GoodArm).Where(a => report.Ties.Any(c => c.Arm == a))
                .Select(arm => (IReadOnlyList<string>)[arm, .. tasks.Select(t => TieCell(report, arm, t))]).ToList(),
        });
        md.Append('\n');
    }

    static string TieCell(ReportDocument report, string arm, string task)
    {
        var last = report.Ties.Where(c => c.Arm == arm && c.Task == task).GroupBy(c => c.Seed)
            .Select(g => g.MaxBy(c => c.Step)!).ToList();
        return last.Count == 0 ? "–" : $"{last.Sum(c => c.Ties)} / {last.Sum(c => c.Items)}";
    }

    static string PlotCaption(string plot) => plot switch
    {
        ReportPlots.Scores => "score per task and arm under both rules, with 95% bootstrap intervals",
        ReportPlots.Loss => "training loss of every run",
        ReportPlots.Perplexity => "held-out perplexity at every evaluated checkpoint of every run (learning curves: do the runs saturate?)",
        ReportPlots.Ratio => "μΔREL and perplexity change vs the baseline against the nominal mixing ratio (the sweep)",
        _ => plot,
    };
}
