using System.Text;
using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Report;

/// <summary>summary.txt: the final-checkpoint table in plain text, plus μΔREL under the paper's rule, for the console.</summary>
internal static class SummaryText
{
    public const string FileName = "summary.txt";

    public static string Render(ReportDocument report)
    {
        var arms = ReportBuilder.ArmOrder(report, report.Runs.Select(r => r.Arm));
        var final = ReportTable.Of(report, report.Rules.Single(r => r.Rule == CheckpointRule.Final), arms, t => t, withError: false);
        var best = ReportTable.Of(report, report.Rules.Single(r => r.Rule == CheckpointRule.Best), arms, t => t, withError: false);
        var means = ReportTable.MeanSuites(report).Count;
        var header = final.Header.Select((h, i) => i < final.Header.Count - means ? h : h + " final")
            .Concat(best.Header.TakeLast(means).Select(h => h + " best")).ToList();
        var rows = final.Rows.Zip(best.Rows, (f, b) => f.Concat(b.TakeLast(means)).ToList()).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        var text = new StringBuilder($"Report: final checkpoint per seed (mean over seeds), vs baseline '{report.Baseline}'; * = significantly better\n");
        foreach (var row in rows.Prepend(header))
            text.Append(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        return text.ToString();
    }
}
