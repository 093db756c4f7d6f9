using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>Two instances of one plan with the same key (seed 43's baseline is the base run) are computed once.</summary>
public sealed partial class FaultTests
{
    [Fact]
    public void TwinOfARunningInstance_IsNotStarted_ButReusedOnceItCommits()
    {
        Copy(undisturbed.Root, temp.Path);
        var experiment = Path.Combine(temp.Path, "twins.yaml");
        File.WriteAllText(experiment, File.ReadAllText(Smoke["--experiment=".Length..]) + "final:\n  seeds: [43]\n");
        var key = PlannedKey(temp.Path, "TrainGood", "Tokenize");
        Directory.Delete(new ArtifactStore(temp.Path).Folder("Train", key), recursive: true);

        var (exit, output) = HostProcess.Run(temp.Path, $"--experiment={experiment}", UpToFinal, "--jobs=2");

        Assert.True(exit == 0, output);
        Assert.Contains($"[TrainGood/base] started", output);
        Assert.DoesNotContain($"[TrainFinal/baseline-seed43] started", output);
        Assert.DoesNotContain("waiting for", output);
        Assert.Contains($"[TrainFinal/baseline-seed43] reused {Hash.Short(key)}", output);
        Assert.Contains("TrainFinal (2 ran, 1 cached", output);
        AssertSound(temp.Path, trashEmpty: false);
    }
}
