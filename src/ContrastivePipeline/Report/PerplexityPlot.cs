using ScottPlot;

namespace ContrastivePipeline.Report;

/// <summary>perplexity.png: held-out perplexity at every evaluated checkpoint of every run, one colour per arm, so a reader sees whether the runs saturate.</summary>
internal static class PerplexityPlot
{
    public static void Save(IReadOnlyList<CurvePoint> points, IReadOnlyList<string> arms, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var order = arms.Concat(points.Select(p => p.Arm).Order(StringComparer.Ordinal)).Distinct().ToList();
        foreach (var arm in points.GroupBy(p => p.Arm).OrderBy(g => order.IndexOf(g.Key)))
        {
            var first = true;
            foreach (var run in arm.GroupBy(p => p.Seed).OrderBy(g => g.Key))
            {
                var curve = run.OrderBy(p => p.Step).ToList();
                var line = plot.Add.ScatterLine(curve.Select(p => (double)p.Step).ToArray(), curve.Select(p => p.Perplexity).ToArray(),
                    palette.GetColor(order.IndexOf(arm.Key)));
                line.LineWidth = 1.5f;
                line.MarkerSize = 5;
                line.LegendText = first ? arm.Key : "";
                first = false;
            }
        }
        plot.Title("Held-out perplexity per checkpoint");
        plot.XLabel("step");
        plot.YLabel("perplexity");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 560);
    }
}
