using System.Globalization;
using ContrastivePipeline.Evaluation.Aggregation;

namespace ContrastivePipeline.Report;

/// <summary>One rule's numbers as rows of cells (arms × tasks, then μΔREL per suite), shared by report.md and summary.txt.</summary>
internal sealed class ReportTable
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <param name="title">Column title of a task (display name or raw name).</param>
    public static ReportTable Of(ReportDocument report, RuleReport rule, IReadOnlyList<string> arms, Func<string, string> title, bool withError)
    {
        var suites = MeanSuites(report);
        var rows = arms.Select(arm => Row(arm, rule, report, suites, withError)).ToList();
        if (report.Good is { } good)
            rows.Add(Row(ReportDocument.GoodArm, good, report, suites, withError));
        return new()
        {
            Header = ["arm", .. report.Tasks.Select(title), .. suites.Select(s => suites.Count == 1 ? "μΔREL" : $"μΔREL {s}")],
            Rows = rows,
        };
    }

    public static IReadOnlyList<string> MeanSuites(ReportDocument report) =>
        report.Rules.SelectMany(r => r.MeanRelative).Select(m => m.Suite).Distinct().Order(StringComparer.Ordinal)
            .OrderBy(s => s == TaskColumns.Official ? 0 : 1).ToList();

    public static string Number(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a signed percentage: 0.049 → "+4.90%".</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    static IReadOnlyList<string> Row(string arm, RuleReport rule, ReportDocument report, IReadOnlyList<string> suites, bool withError)
    {
        var cells = new List<string> { arm };
        foreach (var task in report.Tasks)
        {
            var score = rule.Scores.FirstOrDefault(s => s.Arm == arm && s.Task == task);
            var comparison = rule.Comparisons.FirstOrDefault(c => c.Arm == arm && c.Task == task);
            cells.Add(score is null ? "–" : Cell(score, comparison, withError));
        }
        foreach (var suite in suites)
        {
            var mean = rule.MeanRelative.FirstOrDefault(m => m.Change.Arm == arm && m.Suite == suite)?.Change;
            cells.Add(mean is null ? "–" : Percent(mean.Value) + Star(!mean.Ci.Contains(0) && mean.Value > 0));
        }
        return cells;
    }

    /// <summary>"mean ± se", starred when the arm is significantly better than the baseline (never when worse).</summary>
    static string Cell(ArmTaskScore score, Comparison? comparison, bool withError) =>
        Number(score.Mean) + (withError ? " ± " + Number(score.StdError) : "")
        + Star(comparison is { SignificantlyBetter: true });

    static string Star(bool significant) => significant ? " *" : "";
}
