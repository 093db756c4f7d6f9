using System.Text.Json;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Report;
using ContrastivePipeline.Steps;
using Snapshooter.Xunit;

namespace ContrastivePipeline.Tests.Report;

public sealed class ReportWriterTests
{
    static readonly ReportArm Contrastive = new("contrastive", "contrastive", 0.3, 16);

    /// <summary>
    /// BLiMP: baseline knows 2 of 4 items (50) at every step; contrastive seed 1 knows 4 then 3 (100, 75), seed 2 knows
    /// 3 and 3. Perplexity: baseline 20; contrastive 16 then 10. GOOD knows all 4 at perplexity 12.
    /// </summary>
    static ReportFixture Fixture(bool probes = false)
    {
        var fixture = new ReportFixture(probes);
        foreach (var seed in new[] { 1, 2 })
        {
            fixture.Evaluated("baseline", seed, (100, [1, 2], 20), (200, [1, 2], 20));
            fixture.Trained("baseline", seed, 6);
            fixture.Trained("contrastive", seed, 5);
        }
        fixture.Evaluated("contrastive", 1, (100, [1, 2, 3, 4], 16), (200, [1, 2, 3], 10));
        fixture.Evaluated("contrastive", 2, (100, [1, 2, 3], 16), (200, [2, 3, 4], 10));
        fixture.Evaluated("good", 7, (300, [1, 2, 3, 4], 12));
        return fixture;
    }

    static ReportDocument Write(ReportFixture fixture, params ReportArm[] arms) =>
        ReportWriter.Write(fixture.Settings(arms), fixture.Inputs, fixture.Output, _ => { });

    static Comparison Comparison(ReportDocument report, CheckpointRule rule, string task) =>
        report.Rules.Single(r => r.Rule == rule).Comparisons.Single(c => c.Arm == "contrastive" && c.Task == task);

    [Fact]
    public void FinalRule_BaselineAt50AndArmAt75_GivesRelativeChangeOneHalf()
    {
        using var fixture = Fixture();

        var report = Write(fixture, Contrastive);

        var blimp = Comparison(report, CheckpointRule.Final, TaskNames.Blimp);
        Assert.Equal((75.0, 50.0, 0.5), (blimp.Score, blimp.BaselineScore, blimp.RelativeChange));
        var perplexity = Comparison(report, CheckpointRule.Final, TaskNames.Perplexity);
        Assert.Equal(10.0, perplexity.Score, 9);
        Assert.Equal(0.5, perplexity.RelativeChange, 9);
        var mean = report.Rules.Single(r => r.Rule == CheckpointRule.Final).MeanRelative.Single(m => m.Change.Arm == "contrastive");
        Assert.Equal((TaskColumns.Official, 0.5), (mean.Suite, mean.Change.Value));
        Assert.Equal([TaskNames.Blimp], mean.Change.Tasks);
        Assert.Equal([TaskNames.Perplexity, TaskNames.Blimp], report.Tasks);
    }

    [Fact]
    public void BestRule_PicksTheEarlierBetterCheckpoint_AndDiffersFromFinal()
    {
        using var fixture = Fixture();

        var report = Write(fixture, Contrastive);

        var best = report.Rules.Single(r => r.Rule == CheckpointRule.Best).Scores.Single(s => s.Arm == "contrastive" && s.Task == TaskNames.Blimp);
        Assert.Equal(87.5, best.Mean);
        Assert.Equal([(1, 100, 100.0), (2, 100, 75.0)], best.Seeds.Select(s => (s.Seed, s.Step, s.Score)));
        Assert.Equal(0.75, Comparison(report, CheckpointRule.Best, TaskNames.Blimp).RelativeChange);
        var final = report.Rules.Single(r => r.Rule == CheckpointRule.Final).Scores.Single(s => s.Arm == "contrastive" && s.Task == TaskNames.Blimp);
        Assert.Equal([200, 200], final.Seeds.Select(s => s.Step));
        var perplexity = report.Rules.Single(r => r.Rule == CheckpointRule.Best).Scores.Single(s => s.Arm == "contrastive" && s.Task == TaskNames.Perplexity);
        Assert.Equal([200, 200], perplexity.Seeds.Select(s => s.Step));
    }

    [Fact]
    public void Good_IsOneCheckpointComparedWithTheBaseline()
    {
        using var fixture = Fixture();

        var good = Write(fixture, Contrastive).Good!;

        var blimp = good.Comparisons.Single(c => c.Task == TaskNames.Blimp);
        Assert.Equal(("good", 100.0, 1.0), (blimp.Arm, blimp.Score, blimp.RelativeChange));
        Assert.Equal([(7, 300)], good.Scores.Single(s => s.Task == TaskNames.Blimp).Seeds.Select(s => (s.Seed, s.Step)));
        Assert.Equal(0.4, good.Comparisons.Single(c => c.Task == TaskNames.Perplexity).RelativeChange, 9);
    }

    [Fact]
    public void ReportJson_HoldsFullPrecisionNumbersAndTies()
    {
        using var fixture = Fixture();

        Write(fixture, Contrastive);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Output, ReportWriter.JsonFile)));
        var rules = json.RootElement.GetProperty("rules");
        Assert.Equal(["best", "final"], rules.EnumerateArray().Select(r => r.GetProperty("rule").GetString()));
        var comparison = rules[1].GetProperty("comparisons").EnumerateArray()
            .Single(c => c.GetProperty("task").GetString() == TaskNames.Blimp);
        Assert.Equal(0.5, comparison.GetProperty("relative_change").GetDouble());
        Assert.True(comparison.GetProperty("significantly_better").GetBoolean());
        Assert.InRange(comparison.GetProperty("p_value").GetDouble(), 1.0 / 201, 0.05);
        Assert.True(comparison.GetProperty("relative_change_ci").GetProperty("low").GetDouble() > 0);
        Assert.Equal(9, json.RootElement.GetProperty("ties").GetArrayLength());
        Assert.Equal("good", json.RootElement.GetProperty("good").GetProperty("scores")[0].GetProperty("arm").GetString());
    }

    [Fact]
    public void Markdown_HasBothRulesWithRoundedNumbers()
    {
        using var fixture = Fixture();

        Write(fixture, Contrastive);

        var md = File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName));
        Assert.Contains("## Best checkpoint per seed and task (the paper's rule)", md);
        Assert.Contains("## Final checkpoint (the honest number)", md);
        Assert.Contains("| 87.50 ± ", md);
        Assert.Contains("| 75.00 ± ", md);
        Assert.Contains("| 10.00 ± 0.23 *", md);
        Assert.Contains("+50.00%", md);
        Assert.Contains("+75.00%", md);
        Assert.Contains("| contrastive | contrastive | 0.30 | 4 of 16 | 25.00% |", md);
        Assert.Contains(EvaluationRun.ZeroShotFile, md);
        Assert.DoesNotContain(ReportPlots.Ratio, md);
    }

    [Fact]
    public void Markdown_MatchesSnapshot()
    {
        using var fixture = Fixture();

        Write(fixture, Contrastive);

        Snapshot.Match(File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName)));
    }

    [Fact]
    public void Summary_ListsEveryArmWithFinalValuesAndBothMeans()
    {
        using var fixture = Fixture();

        Write(fixture, Contrastive);

        var lines = File.ReadAllLines(Path.Combine(fixture.Output, SummaryText.FileName));
        Assert.Contains("μΔREL final", lines[1]);
        Assert.Contains("μΔREL best", lines[1]);
        Assert.Matches(@"^contrastive\s+10\.00( \*)?\s+75\.00( \*)?\s+\+50\.00%( \*)?\s+\+75\.00%", lines[3]);
        Assert.StartsWith("good", lines[4]);
    }

    [Fact]
    public void Plots_AreNonTrivialPngs_AndRatioOnlyForASweep()
    {
        using var fixture = Fixture();

        Write(fixture, Contrastive);

        foreach (var plot in new[] { ReportPlots.Scores, ReportPlots.Loss })
            AssertPng(Path.Combine(fixture.Output, plot));
        Assert.False(File.Exists(Path.Combine(fixture.Output, ReportPlots.Ratio)));
    }

    [Fact]
    public void Plots_OfASweep_IncludeTheRatioCurve()
    {
        using var fixture = Fixture();
        fixture.Evaluated("contrastive-0.5", 1, (100, [1, 2], 18), (200, [1, 2, 3], 14));

        Write(fixture, Contrastive, new("contrastive-0.5", "contrastive", 0.5, 16));

        AssertPng(Path.Combine(fixture.Output, ReportPlots.Ratio));
        Assert.Contains(ReportPlots.Ratio, File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName)));
    }

    [Fact]
    public void Probes_AreTheirOwnColumnsAndTheirOwnMeanRelativeChange()
    {
        using var fixture = Fixture(probes: true);

        var report = Write(fixture, Contrastive);

        Assert.Equal([TaskNames.Perplexity, TaskNames.Blimp, "tinyworld/blimp"], report.Tasks);
        var means = report.Rules.Single(r => r.Rule == CheckpointRule.Final).MeanRelative.Where(m => m.Change.Arm == "contrastive")
            .ToDictionary(m => m.Suite, m => m.Change.Tasks.Single());
        Assert.Equal(new Dictionary<string, string> { [TaskColumns.Official] = TaskNames.Blimp, ["tinyworld"] = "tinyworld/blimp" }, means);
        var md = File.ReadAllText(Path.Combine(fixture.Output, MarkdownReport.FileName));
        Assert.Contains("| arm | Perplexity ↓ | BLiMP | tinyworld/BLiMP | μΔREL babylm | μΔREL tinyworld |", md);
    }

    [Fact]
    public void ProbesWithoutTheProbesInput_FailWithAClearMessage()
    {
        using var fixture = Fixture(probes: true);
        fixture.WithoutInput(ReportContract.Probes);

        var error = Assert.Throws<StepException>(() => Write(fixture, Contrastive));

        Assert.Contains("input 'probes'", error.Message);
    }

    [Fact]
    public void MissingBaseline_FailsWithAClearMessage()
    {
        using var fixture = new ReportFixture();
        fixture.Evaluated("contrastive", 1, (100, [1], 10));

        var error = Assert.Throws<StepException>(() => Write(fixture, Contrastive));

        Assert.Contains("baseline", error.Message);
    }

    static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5000, $"{path}: {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }
}
