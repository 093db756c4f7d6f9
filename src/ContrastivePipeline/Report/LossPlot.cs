using ScottPlot;

namespace ContrastivePipeline.Report;

/// <summary>loss.png: the training loss of every run against the step, one colour per arm.</summary>
internal static class LossPlot
{
    public static void Save(IReadOnlyList<TrainingCurve> curves, IReadOnlyList<string> arms, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var order = arms.Concat(curves.Select(c => c.Arm).Order(StringComparer.Ordinal)).Distinct().ToList();
        foreach (var group in curves.Where(c => c.Steps.Length > 0).GroupBy(c => c.Arm).OrderBy(g => order.IndexOf(g.Key)))
        {
            var first = true;
            foreach (var curve in group.OrderBy(c => c.Seed))
            {
                var line = plot.Add.ScatterLine(curve.Steps, curve.Losses, palette.GetColor(order.IndexOf(group.Key)));
                line.LineWidth = 1.5f;
                line.LegendText = first ? group.Key : "";
                first = false;
            }
        }
        plot.Title("Training loss");
        plot.XLabel("step");
        plot.YLabel("loss (nats/token)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 560);
    }
}
