using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Report;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Tests.Report;

/// <summary>The report's corpus table (Diagnose artifacts), held-out set and learning curves.</summary>
public sealed class ReportCorporaTests
{
    static readonly ReportArm Contrastive = new("contrastive", "contrastive", 0.3, 16);

    static CorpusDiagnostics Diagnostics(double good, double bad, params string[] samples) =>
        new(100, 12_800, 10_000, 100, 5_000, 0.1, 0.4, 0.7, 0.02, 64, good, bad, samples);

    static ReportDocument Write(ReportFixture fixture) =>
        ReportWriter.Write(fixture.Settings(Contrastive), fixture.Inputs, fixture.Output, _ => { });

    static ReportFixture Fixture()
    {
        var fixture = new ReportFixture();
        fixture.Evaluated("baseline", 1, (100, [1, 2], 20), (200, [1, 2], 18));
        fixture.Evaluated("contrastive", 1, (100, [1, 2, 3], 16), (200, [1, 2, 3], 10));
        return fixture;
    }

    [Fact]
    public void Corpora_ListTheRealTextFirst_WithEveryMeasure_AndTheirSamples()
    {
        using var fixture = Fixture();
        fixture.Diagnosed("contrastive", Diagnostics(9.5, 60.25, "a contrastive text", "two\nlines"));
        fixture.Diagnosed("ancestral", Diagnostics(7.5, 30, "an ancestral text"));
        fixture.Diagnosed("real", Diagnostics(25, 40, "a real text"));

        var report = Write(fixture);

        Assert.Equal(["real", "ancestral", "contrastive"], report.Corpora.Select(c => c.Corpus));
        var md = File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName));
        Assert.Contains("| contrastive | 100 | 12,800 | 100.00 | 9.50 | 60.25 | 5,000 | 0.100 | 0.400 | 0.700 | 2.00% |", md);
        Assert.True(md.IndexOf("| real |", StringComparison.Ordinal) < md.IndexOf("| ancestral |", StringComparison.Ordinal));
        Assert.Contains("> two\n> lines", md);
        Assert.Contains("> a real text", md);
    }

    [Fact]
    public void HeldOutSet_IsStated_AndEveryRunHasItsLearningCurve()
    {
        using var fixture = Fixture();

        var report = Write(fixture);

        Assert.Equal((8, 8, 504L), (report.Perplexity.Blocks, report.Perplexity.SplitBlocks, report.Perplexity.Tokens));
        Assert.Equal([("baseline", 100, 20.0), ("baseline", 200, 18.0), ("contrastive", 100, 16.0), ("contrastive", 200, 10.0)],
            report.Curves.Select(c => (c.Arm, c.Step, Math.Round(c.Perplexity, 6))));
        var md = File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName));
        Assert.Contains("every block of the held-out text (the paper's rule): 8 blocks, 504 predicted tokens from 2 file(s)", md);
        Assert.True(File.Exists(Path.Combine(fixture.Output, ReportPlots.Perplexity)));
    }
}
