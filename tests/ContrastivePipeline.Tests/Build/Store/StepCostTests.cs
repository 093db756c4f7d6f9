using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Build.Store;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Store;

/// <summary>The cost line a step prints last, and how the host reads it back from an instance's log.</summary>
public sealed class StepCostTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CostLine_ParsesBackToWhatItSays_AndNoOtherLineParses()
    {
        var cost = new StepCost(12.34, 20.06, 512_300_000);

        Assert.Equal("cost: wall 12.3 s, CPU 20.1 s, max RSS 512.3 MB", cost.Line);
        Assert.Equal(new StepCost(12.3, 20.1, 512_300_000), StepCost.Parse(cost.Line));
        Assert.Equal(new StepCost(12.3, 20.1, 512_300_000), StepCost.Parse("[Train/base] " + cost.Line));
        Assert.Null(StepCost.Parse("[Train/base] step 10/40 | loss 5.1 | cost: wall 1 s"));
        Assert.Null(StepCost.Parse("the cost: wall 12.3 s, CPU 20.1 s, max RSS 512.3 MB"));
    }

    [Fact]
    public void ALogOfAttempts_UnderEitherExecutor_SumsTimes_TakesThePeakMemory_AndCountsKilledAttempts()
    {
        var log = Path.Combine(temp.Path, "Train-key.log");
        File.WriteAllLines(log, [
            "=== TrainFinal/baseline-seed42 on node1, 2026-12-07 10:00:00Z",
            "[Train/baseline-seed42] step 10/40",
            "cost: wall 10.0 s, CPU 15.0 s, max RSS 300.0 MB",
            // Killed (the OOM killer, SIGKILL): no cost line.
            "=== TrainFinal/baseline-seed42 on node1, Slurm job 7, restart 0, CUDA_VISIBLE_DEVICES=, started 1.0",
            "[Train/baseline-seed42] step 20/40",
            "=== exit code 137, ended 2.0",
            "=== TrainFinal/baseline-seed42 on node2, Slurm job 7, restart 1, CUDA_VISIBLE_DEVICES=, started 3.0",
            "cost: wall 5.5 s, CPU 9.5 s, max RSS 450.0 MB",
            "=== exit code 0, ended 4.0",
        ]);

        var (total, measured, unmeasured) = StepCost.InLog(log);

        Assert.Equal((new StepCost(15.5, 24.5, 450_000_000), 2, 1), (total, measured, unmeasured));
        Assert.Equal((StepCost.None, 0, 0), StepCost.InLog(Path.Combine(temp.Path, "none.log")));
    }

    [Fact]
    public void TwoInstancesOfOneArtifact_AreCountedOnce_UnderTheFirst()
    {
        var store = new ArtifactStore(temp.Path);
        var paths = new Paths(temp.Path, temp.Path);
        StepInstance Run(string task, string instance) => new(task, "Train", instance, new object(), 43, new Dictionary<string, StepInput>(),
            new StepCode("code", new Dictionary<string, string>()), "{}", "toolchain", store);
        var good = Run("TrainGood", "base");
        var twin = Run("TrainFinal", "baseline-seed43");
        Directory.CreateDirectory(paths.Logs);
        File.WriteAllLines(paths.Log("Train", good.Key), ["=== TrainGood/base on node1, now", "cost: wall 10.0 s, CPU 15.0 s, max RSS 300.0 MB"]);

        var costs = RunCost.Of(paths, [good, twin]);

        Assert.Equal(["TrainGood/base"], costs.Select(c => $"{c.Task}/{c.Instance}"));
        Assert.Contains("0.004 CPU-hours", RunCost.Total(costs));
    }
}
