using System.Text.Json;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>
/// Several instances at once (--jobs=2) through the whole host: each starts as soon as its own inputs exist, the bytes are
/// those of one job at a time, each instance's output is in its log, and a failure or a stop leaves nothing wrong.
/// </summary>
public sealed partial class FaultTests
{
    [Fact]
    public void TwoJobs_StartEachInstanceWhenItsInputsExist_AndEndWithTheUndisturbedBytes()
    {
        using var host = new HostProcess(temp.Path, null, Smoke, UpToFinal, "--jobs=2");
        Assert.True(host.WaitForExit(Limit) == 0, host.Output);

        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
        var timeline = Timeline(temp.Path);
        // The baseline reads only the tokens: it trains beside GOOD instead of waiting for the synthetic corpora.
        Assert.True(timeline["TrainFinal/baseline-seed42"].Started < timeline["GenerateContrastive/contrastive"].Started, host.Output);
        Assert.True(Overlapping(timeline).Any(), "no two instances ran at the same time:\n" + host.Output);
        Assert.DoesNotContain(Overlapping(timeline), pair => pair.Count() > 2);

        foreach (var (id, run) in timeline)
        {
            // Each child had one of the two threads of cake.config, and its whole output is in its log.
            var key = run.Key;
            Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "specs", $"{run.Step}-{key}.json")))
                .RootElement.GetProperty("threads").GetInt32());
            var log = File.ReadAllLines(Path.Combine(temp.Path, "logs", $"{run.Step}-{key}.log"));
            Assert.StartsWith($"=== {id} on ", log[0]);
            // On the console each line is whole, named by the instance as the plan names it ("[TrainFinal/...]", not "[Train/...]").
            var stepPrefix = $"[{run.Step}/{id[(id.IndexOf('/') + 1)..]}] ";
            Assert.True(log.Length > 1, $"{id}: nothing in its log");
            Assert.All(log.Skip(1), line => Assert.Contains($"[{id}] {(line.StartsWith(stepPrefix) ? line[stepPrefix.Length..] : line)}", host.Output));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFailureAmongTwoJobs_StartsNothingNew_AndNamesTheInstanceItsLogAndTheRerun(bool failFast)
    {
        temp.File("tasks/blimp_filtered/broken.jsonl", "{not json\n");
        var experiment = temp.File("broken.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")) +
            $"\nevaluate:\n  tasks: {Path.Combine(temp.Path, "tasks")}\n");
        var artifacts = Path.Combine(temp.Path, "artifacts");
        string[] args = [$"--experiment={experiment}", "--jobs=2", .. failFast ? ["--fail-fast"] : Array.Empty<string>()];

        var (exit, output) = HostProcess.Run(artifacts, args);

        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.Contains("broken.jsonl:1", output);
        var failure = output.Split('\n').First(l => l.StartsWith("error: Score/", StringComparison.Ordinal));
        Assert.Contains("log: ", failure);
        Assert.Contains("rerun (finished instances are reused): dotnet run --project build -- ", failure);
        var failed = failure["error: ".Length..failure.IndexOf(" failed", StringComparison.Ordinal)];
        var log = failure[(failure.IndexOf("log: ", StringComparison.Ordinal) + 5)..failure.IndexOf(". Nothing", StringComparison.Ordinal)];
        Assert.Contains("broken.jsonl:1", File.ReadAllText(log));

        AssertSound(artifacts);
        Assert.Empty(Processes.WaitUntilNoneMention(artifacts, TimeSpan.FromSeconds(30)));
        var timeline = Timeline(artifacts, "broken");
        var failedAt = File.GetLastWriteTimeUtc(log);
        // Nothing started after the failure; what ran beside it finished and was committed, or was cancelled (--fail-fast).
        Assert.DoesNotContain(timeline.Values, run => run.Started > failedAt.AddSeconds(1));
        Assert.DoesNotContain("Evaluate/report", timeline.Keys);
        // What --fail-fast cancelled was not committed; without it, every instance that started was, or failed.
        var cancelled = output.Split('\n').Where(l => l.StartsWith("--fail-fast: cancelling ", StringComparison.Ordinal))
            .SelectMany(l => l["--fail-fast: cancelling ".Length..].Split(", ")).ToList();
        if (!failFast)
            Assert.Empty(cancelled);
        Assert.All(cancelled, id => Assert.DoesNotContain(id.Trim(), timeline.Keys));
        Assert.DoesNotContain(failed, timeline.Keys);
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("INT")]
    public void HostStoppedWithTwoJobsRunning_LeavesNoProcess_AndTheRerunEndsWithTheUndisturbedBytes(string signal)
    {
        using (var host = new HostProcess(temp.Path, null, Smoke, UpToFinal, "--jobs=2"))
        {
            // GOOD and the baseline train side by side.
            host.WaitForLine("[TrainFinal/baseline-seed42] checked", Limit);
            host.Signal(signal);
            var exit = host.WaitForExit(TimeSpan.FromMinutes(1));
            if (signal == "INT")
            {
                Assert.Equal(130, exit);
                Assert.Contains("Resume with the same command", host.Output);
            }
            Assert.Empty(Processes.WaitUntilNoneMention(temp.Path, TimeSpan.FromSeconds(30)));
        }
        AssertSound(temp.Path);

        var (rerun, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal, "--jobs=2");
        Assert.True(rerun == 0, output);
        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    sealed record TimedRun(string Step, string Key, DateTime Started, DateTime Ended);

    /// <summary>The instances this run ran (not reused), from its summary.json.</summary>
    static Dictionary<string, TimedRun> Timeline(string root, string experiment = "smoke")
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "runs", experiment, "summary.json")));
        return summary.RootElement.GetProperty("instances").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "run")
            .ToDictionary(i => $"{i.GetProperty("task").GetString()}/{i.GetProperty("instance").GetString()}",
                i => new TimedRun(i.GetProperty("step").GetString()!, i.GetProperty("key").GetString()!,
                    i.GetProperty("started").GetDateTime().ToUniversalTime(), i.GetProperty("ended").GetDateTime().ToUniversalTime()));
    }

    /// <summary>For each instance's start, the instances running at that moment (itself included), where there are several.</summary>
    static IEnumerable<IEnumerable<TimedRun>> Overlapping(Dictionary<string, TimedRun> timeline) =>
        timeline.Values.Select(a => timeline.Values.Where(b => b.Started <= a.Started && a.Started < b.Ended).ToList()).Where(g => g.Count > 1);
}
