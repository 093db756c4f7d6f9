using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>Writes the report's PNG plots and returns the names of those it wrote.</summary>
internal static class ReportPlots
{
    public const string Scores = "scores.png", Loss = "loss.png", Ratio = "ratio.png", Perplexity = "perplexity.png";

    public static IReadOnlyList<string> Write(ReportDocument report, IReadOnlyList<TrainingCurve> curves, string folder)
    {
        var arms = ReportBuilder.ArmOrder(report, report.Runs.Select(r => r.Arm));
        List<string> written = [];
        ScoresPlot.Save(report, arms, Path.Combine(folder, Scores));
        written.Add(Scores);
        var held = report.Curves.GroupBy(c => (c.Arm, c.Seed)).Select(g => g.OrderBy(c => c.Step).ToList())
            .Select(c => new RunsPlot.Run(c[0].Arm, c[0].Seed, [.. c.Select(p => (double)p.Step)], [.. c.Select(p => p.Perplexity)])).ToList();
        RunsPlot.Save(held, arms, "Held-out perplexity per checkpoint", "perplexity", Path.Combine(folder, Perplexity));
        written.Add(Perplexity);
        if (curves.Any(c => c.Steps.Length > 0))
        {
            RunsPlot.Save([.. curves.Select(c => new RunsPlot.Run(c.Arm, c.Seed, c.Steps, c.Losses))], arms, "Training loss",
                "loss (nats/token)", Path.Combine(folder, Loss));
            written.Add(Loss);
        }
        if (Sweeps(report).Count > 0)
        {
            RatioPlot.Save(report, Sweeps(report), Path.Combine(folder, Ratio));
            written.Add(Ratio);
        }
        return written;
    }

    /// <summary>The strategies whose evaluated arms differ in nominal ratio: a mixing-ratio sweep.</summary>
    public static IReadOnlyList<IGrouping<string, ReportArm>> Sweeps(ReportDocument report) =>
        report.Arms.Where(a => a.Name != report.Baseline && report.Runs.Any(r => r.Arm == a.Name))
            .GroupBy(a => a.Corpus).Where(g => g.Select(a => a.Ratio).Distinct().Count() > 1).ToList();
}
