using ContrastivePipeline.Evaluation.Aggregation;
using ScottPlot;

namespace ContrastivePipeline.Report;

/// <summary>scores.png: one panel per task; per arm a bar for each rule with its 95% bootstrap interval.</summary>
internal static class ScoresPlot
{
    const int Columns = 4, PanelWidth = 420, PanelHeight = 320;

    public static void Save(ReportDocument report, IReadOnlyList<string> arms, string path)
    {
        var rows = (report.Tasks.Count + Columns - 1) / Columns;
        var columns = Math.Min(Columns, report.Tasks.Count);
        var multiplot = new Multiplot();
        multiplot.AddPlots(report.Tasks.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        var names = arms.Concat(report.Good is null ? [] : [ReportDocument.GoodArm]).ToList();
        for (var t = 0; t < report.Tasks.Count; t++)
            Panel(multiplot.GetPlot(t), report, report.Tasks[t], names);
        multiplot.SavePng(path, columns * PanelWidth, rows * PanelHeight);
    }

    static void Panel(Plot plot, ReportDocument report, string task, IReadOnlyList<string> arms)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var rules = report.Rules.Select(r => (r.Rule, Scores: r.Scores.Concat(report.Good?.Scores ?? []).ToList())).ToList();
        for (var r = 0; r < rules.Count; r++)
        {
            var offset = (r - (rules.Count - 1) / 2.0) * 0.4;
            var scores = arms.Select((arm, i) => (X: i + offset, Score: rules[r].Scores.FirstOrDefault(s => s.Arm == arm && s.Task == task)))
                .Where(p => p.Score is not null).ToList();
            var bars = plot.Add.Bars(scores.Select(p => new Bar
            {
                Position = p.X,
                Value = p.Score!.Mean,
                Size = 0.38,
                FillColor = palette.GetColor(r),
            }).ToList());
            bars.LegendText = rules[r].Rule == CheckpointRule.Best ? "best checkpoint" : "final checkpoint";
            var errors = plot.Add.ErrorBar(scores.Select(p => p.X).ToList(), scores.Select(p => p.Score!.Mean).ToList(),
                scores.Select(p => p.Score!.Ci.High - p.Score.Mean).ToList());
            errors.YErrorNegative = scores.Select(p => p.Score!.Mean - p.Score.Ci.Low).ToList();
            errors.Color = Colors.Black;
        }
        plot.Title(TaskColumns.Title(task));
        plot.Axes.Bottom.SetTicks(arms.Select((_, i) => (double)i).ToArray(), arms.ToArray());
        plot.Axes.Margins(bottom: 0);
        // Below every panel, so the legend never hides a bar and all panels keep one size.
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }
}
