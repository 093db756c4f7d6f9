using System.Text.Json;
using ContrastivePipeline.Build.Store;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Publish;

/// <summary>
/// What each run cost: every step attempt prints its cost as its last line; Status, the run folder's cost.md/cost.json
/// and Compare read them back from the logs. Costs are logs, in no key and not in the store.
/// </summary>
[Collection(PublishedRun.Collection)]
public sealed class CostTests(PublishedRun run)
{
    [Fact]
    public void EveryInstanceOfTheRun_HasAMeasuredCost_InItsLogAndInCostJson_EachArtifactOnce()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Run, RunCost.JsonFile)));
        var instances = json.RootElement.GetProperty("instances").EnumerateArray().ToList();

        // Every instance the first run computed (smoke has no twins: its one seed is 42, GOOD's 43).
        Assert.Equal(run.Plan.Select(e => $"{e.Task}/{e.Instance}").Order(),
            instances.Select(i => $"{i.GetProperty("task").GetString()}/{i.GetProperty("instance").GetString()}").Order());
        Assert.All(instances, i =>
        {
            Assert.True(i.GetProperty("measured").GetInt32() >= 1, i.ToString());
            var cost = i.GetProperty("cost");
            Assert.True(cost.GetProperty("wall_seconds").GetDouble() > 0, i.ToString());
            Assert.True(cost.GetProperty("cpu_seconds").GetDouble() > 0, i.ToString());
            Assert.True(cost.GetProperty("max_rss_bytes").GetInt64() > 10_000_000, i.ToString());
        });
        var total = json.RootElement.GetProperty("total").GetProperty("cpu_seconds").GetDouble();
        Assert.Equal(instances.Sum(i => i.GetProperty("cost").GetProperty("cpu_seconds").GetDouble()), total, 6);
        var arms = json.RootElement.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("arm").GetString()).ToList();
        Assert.Equal(["(shared)", "ancestral", "baseline", "contrastive"], arms);

        var markdown = File.ReadAllText(Path.Combine(run.Run, RunCost.MarkdownFile));
        Assert.Contains("| **total** |", markdown);
        Assert.Contains("| TrainFinal/contrastive-seed42 | ", markdown);
    }

    [Fact]
    public void Status_ShowsEachInstancesCost_AndTheTotal_AndCompareTheCampaignsTotal()
    {
        var (exit, output) = HostProcess.Run(run.Artifacts, $"--experiment={run.Experiment}", "--target=Status");

        Assert.True(exit == 0, output);
        var header = output.Split('\n').First(l => l.StartsWith("Task\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["Attempts", "Wall", "CPU", "Cores", "Max RSS"], header[^5..]);
        var trainFinal = output.Split('\n').First(l => l.StartsWith("TrainFinal\tbaseline-seed42\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("1", trainFinal[^5]);
        Assert.Matches(@"^\d+:\d\d:\d\d$", trainFinal[^4]);
        Assert.Matches(@"^cost: [0-9.]+ CPU-hours, [0-9.]+ hours of step wall time over \d+ measured attempt\(s\)", output.Split('\n').Last(l => l.StartsWith("cost: ")));

        var (compared, table) = HostProcess.Run(run.Artifacts, $"--experiment={run.Experiment}", "--target=Compare");
        Assert.True(compared == 0, table);
        Assert.Contains("campaign (1 run(s) with a cost.json) cost: ", table);
    }
}
