using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>What the host says when something goes wrong: the cause as it is, in one line a log file keeps readable.</summary>
public sealed partial class FaultTests
{
    [Fact]
    public void InputArtifactDeletedByAnotherGcDuringTheRun_IsReportedAsDisappeared_NotAsADiskProblem()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "GenerateAncestral", "Tokenize", ["--force=GenerateAncestral"]);
        // The step waits on its key's lock, as behind another run, while a Gc of another scope deletes its tokens.
        var lockFile = new ArtifactStore(temp.Path).LockFile("Generate", key);
        using (var host = new HostProcess(temp.Path, null, Smoke, "--target=GenerateAncestral", "--force=GenerateAncestral"))
        {
            using (KeyLock.Acquire(lockFile, _ => { }))
            {
                host.WaitForLine($"waiting for {lockFile}", Limit);
                foreach (var tokens in Directory.GetDirectories(Path.Combine(temp.Path, "store", "Tokenize")))
                    Directory.Delete(tokens, recursive: true);
            }
            Assert.Equal(1, host.WaitForExit(Limit));
            AssertClearError(host.Output);
            Assert.Contains("an input artifact disappeared: 'tokens' (", host.Output);
            Assert.DoesNotContain("healthy disk", host.Output);
        }
        // Nothing was left half-made: no partial folder of the instance that could not start.
        Assert.False(Directory.Exists(new ArtifactStore(temp.Path).PartialFolder("Generate", key)));
    }

    [Fact]
    public void InstanceReusedAfterWaitingOnAnotherRunsLock_CountsAsCached_NotAsRan()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "GenerateAncestral", "GenerateAncestral");
        var store = new ArtifactStore(temp.Path);
        // Another run is computing the corpus: it holds the key's lock, and its artifact is not in the store yet.
        var elsewhere = Path.Combine(temp.Path, "other-run");
        Directory.Move(store.Folder("Generate", key), elsewhere);
        using var host = new HostProcess(temp.Path, null, Smoke, "--target=GenerateAncestral");
        using (KeyLock.Acquire(store.LockFile("Generate", key), _ => { }))
        {
            host.WaitForLine($"waiting for {store.LockFile("Generate", key)}", Limit);
            Directory.Move(elsewhere, store.Folder("Generate", key)); // the other run commits, then lets go
        }

        Assert.True(host.WaitForExit(Limit) == 0, host.Output);
        Assert.Contains("done in ", host.Output);
        Assert.Contains(": 0 ran, ", host.Output);
        Assert.Contains("GenerateAncestral (0 ran, 1 cached", host.Output);
        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void ForcedRunKilled_ShowsAsPartialInStatus_AndItsRerunHintRedoesOnlyWhatFailed()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "TrainGood", "TrainGood");
        var partial = new ArtifactStore(temp.Path).PartialFolder("Train", key);
        var output = KillStepWhen(Smoke, "TrainGood", $"Train-{key}.json",
            () => Directory.Exists(Path.Combine(partial, "checkpoints", "step_000020")), "--force=Tokenize");

        // The forced instances that finished are committed: the hint reruns the rest without --force.
        var hints = output.Split('\n').Where(l => l.Contains("TrainGood/base failed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.DoesNotContain("--force", h));
        var rerun = hints[0][(hints[0].IndexOf("dotnet run --project build -- ", StringComparison.Ordinal) + 30)..].Trim();
        // Status no longer calls the forced instance complete: its old artifact left the store when the forced step started.
        var (status, statusOutput) = HostProcess.Run(temp.Path, Smoke, "--target=Status");
        Assert.Equal(0, status);
        var row = statusOutput.Split('\n').First(l => l.StartsWith("TrainGood\tbase\t", StringComparison.Ordinal));
        Assert.Contains("partial (stopped): checkpoint ", row);

        var (exit, rerunOutput) = HostProcess.Run(temp.Path, rerun.Replace("--paths_artifacts=" + temp.Path, "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(exit == 0, rerunOutput);
        Assert.Contains("resumed from ", rerunOutput);
        Assert.Contains("1 ran, ", rerunOutput);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }
}
