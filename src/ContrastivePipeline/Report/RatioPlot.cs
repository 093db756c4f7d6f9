using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Steps;
using ScottPlot;

namespace ContrastivePipeline.Report;

/// <summary>ratio.png: the mixing-ratio curve (PAPER.md §7.2), μΔREL and perplexity change against the nominal ratio.</summary>
/// <remarks>The baseline sits at ratio 0 with no change by definition; both rules are drawn (best solid, final dashed).</remarks>
internal static class RatioPlot
{
    public static void Save(ReportDocument report, IReadOnlyList<IGrouping<string, ReportArm>> sweeps, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var suite = ReportTable.MeanSuites(report).FirstOrDefault();
        var series = 0;
        foreach (var sweep in sweeps)
        {
            foreach (var rule in report.Rules)
            {
                var arms = sweep.OrderBy(a => a.Ratio).ToList();
                Line(plot, arms, a => rule.MeanRelative.FirstOrDefault(m => m.Suite == suite && m.Change.Arm == a.Name)?.Change.Value,
                    $"{sweep.Key} μΔREL ({Name(rule.Rule)})", palette.GetColor(series++), rule.Rule);
                Line(plot, arms, a => rule.Comparisons.FirstOrDefault(c => c.Arm == a.Name && c.Task == TaskNames.Perplexity)?.RelativeChange,
                    $"{sweep.Key} perplexity Δ ({Name(rule.Rule)})", palette.GetColor(series++), rule.Rule);
            }
        }
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        plot.Title("Mixing ratio: change vs the baseline (positive is better)");
        plot.XLabel("nominal synthetic ratio");
        plot.YLabel("relative change (%)");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1100, 560);
    }

    static void Line(Plot plot, IReadOnlyList<ReportArm> arms, Func<ReportArm, double?> change, string label, Color color, CheckpointRule rule)
    {
        var points = arms.Select(a => (a.Ratio, Change: change(a))).Where(p => p.Change is not null).ToList();
        var line = plot.Add.Scatter(points.Select(p => p.Ratio).Prepend(0).ToArray(), points.Select(p => 100 * p.Change!.Value).Prepend(0).ToArray(), color);
        line.LegendText = label;
        line.LinePattern = rule == CheckpointRule.Best ? LinePattern.Solid : LinePattern.Dashed;
        line.MarkerSize = 6;
    }

    static string Name(CheckpointRule rule) => rule == CheckpointRule.Best ? "best" : "final";
}
