using System.Globalization;
using System.Text.Json;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Tests.Build.Publish;

/// <summary>Model cards of exported models: the Hub's format, the report's numbers, and no key of any step reads them.</summary>
[Collection(PublishedRun.Collection)]
public sealed class ModelCardTests(PublishedRun run)
{
    [Fact]
    public void EveryExportedModel_HasACard_WithItsOwnScores_BesideLinksToItsUnchangedStoredFiles()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(run.Run, "export")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["ancestral-seed42", "baseline-seed42", "contrastive-seed42", "good"], folders);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Run, "report.json")));
        var final = report.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "final");
        foreach (var folder in folders)
        {
            var card = File.ReadAllText(Path.Combine(run.Run, "export", folder!, "README.md"));
            Assert.StartsWith("---\nlanguage:\n- en\nlibrary_name: transformers\n", card);
            Assert.Contains("model-index:\n", card);
            var (arm, rule) = folder == "good" ? ("good", report.RootElement.GetProperty("good")) : (folder![..folder!.IndexOf("-seed", StringComparison.Ordinal)], final);
            foreach (var score in rule.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("arm").GetString() == arm))
            {
                var value = score.GetProperty("seeds").EnumerateArray().Single().GetProperty("score").GetDouble();
                Assert.Contains($"      name: \"{score.GetProperty("task").GetString()}\"\n      value: {value.ToString("R", CultureInfo.InvariantCulture)}\n", card);
            }
            Assert.Contains("--experiment=", card);
            foreach (var link in Directory.EnumerateFiles(Path.Combine(run.Run, "export", folder!)).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link)!, new FileInfo(link).LinkTarget!));
                Assert.StartsWith(Path.Combine(run.Artifacts, "store", "Export") + "/", target);
                Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "README.md")), "the card stays out of the stored artifact");
            }
        }
    }

    [Fact]
    public void ANewReport_ReplansOnlyTheReport_AndNoExport()
    {
        var yaml = PublishedRun.Smoke.Replace("corpus:\n", "name: replicates\ncorpus:\n") + "evaluate:\n  replicates: 500\n";
        var experiment = run.Pipeline.Experiment("replicates", yaml);
        var (exit, plan) = run.Pipeline.Run(experiment, "--target=Evaluate", "--dryrun");
        Assert.Equal(0, exit);
        Assert.Equal(["Evaluate/report"], plan.Where(e => e.Status != PlanEntry.Cached).Select(e => $"{e.Task}/{e.Instance}"));

        // The card reads the report, but no key does: exports are reused, and their cards are written afresh.
        (exit, plan) = run.Pipeline.Run(experiment, "--target=Export", "--dryrun");
        Assert.Equal(0, exit);
        Assert.Contains(plan, e => e.Task == "Export");
        Assert.All(plan, e => Assert.Equal(PlanEntry.Cached, e.Status));
    }
}
