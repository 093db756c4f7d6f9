using ScottPlot;

namespace ContrastivePipeline.Report;

/// <summary>
/// One line per run against the step, one colour per arm (legend once per arm): loss.png (training loss) and
/// perplexity.png (held-out perplexity per evaluated checkpoint: do the runs saturate?).
/// </summary>
internal static class RunsPlot
{
    /// <summary>One run's line: its arm, seed, steps and values.</summary>
    public sealed record Run(string Arm, int Seed, double[] Steps, double[] Values);

    public static void Save(IReadOnlyList<Run> runs, IReadOnlyList<string> arms, string title, string yLabel, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var order = arms.Concat(runs.Select(r => r.Arm).Order(StringComparer.Ordinal)).Distinct().ToList();
        foreach (var group in runs.Where(r => r.Steps.Length > 0).GroupBy(r => r.Arm).OrderBy(g => order.IndexOf(g.Key)))
        {
            var first = true;
            foreach (var run in group.OrderBy(r => r.Seed))
            {
                var line = plot.Add.ScatterLine(run.Steps, run.Values, palette.GetColor(order.IndexOf(group.Key)));
                line.LineWidth = 1.5f;
                line.LegendText = first ? group.Key : "";
                first = false;
            }
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 560);
    }
}
