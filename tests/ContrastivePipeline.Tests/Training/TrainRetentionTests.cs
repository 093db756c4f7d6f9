using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Training;

/// <summary>What a finished training run keeps, through the real Train step (the step CLI, as the host starts it).</summary>
public sealed class TrainRetentionTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FinishedRun_DroppingItsOptimizerState_KeepsTheFinalModelByteIdentical_AndTheSameOutputHashes()
    {
        var tokens = TinyTrainStep.WriteTokens(temp.Path);
        Assert.Equal(0, TinyTrainStep.RunToEnd(TinyTrainStep.Spec(temp.Path, "kept", tokens, 40, CheckpointEvery(40), null)).ExitCode);
        Assert.Equal(0, TinyTrainStep.RunToEnd(TinyTrainStep.Spec(temp.Path, "dropped", tokens, 40, CheckpointEvery(40), new(KeepOptimizer: false, Checkpoints: null))).ExitCode);

        Assert.Equal(File.ReadAllBytes(Final("kept", 40)), File.ReadAllBytes(Final("dropped", 40)));
        var (kept, dropped) = (Manifest("kept"), Manifest("dropped"));
        Assert.Equal(kept.Outputs, dropped.Outputs);
        Assert.Equal(kept.Content(), dropped.Content());
        Assert.Null(kept.Dropped);
        Assert.Equal([10, 20, 30, 40], dropped.Dropped!.Select(f => RunLayout.CheckpointOf(f)!.Value));
        Assert.All(dropped.Dropped!, f => Assert.EndsWith("/" + RunLayout.OptimizerFile, f));
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "dropped"), RunLayout.OptimizerFile, SearchOption.AllDirectories));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(temp.Path, "kept"), RunLayout.OptimizerFile, SearchOption.AllDirectories).Length);
        Assert.Empty(new ArtifactStore(Path.Combine(temp.Path, "dropped")).Verify(dropped));
    }

    [Fact]
    public void InterruptedRun_WhoseRetentionDropsCheckpoints_ResumesAndEndsWithTheWeightsOfAnUninterruptedRun()
    {
        const int steps = 400;
        var tokens = TinyTrainStep.WriteTokens(temp.Path);
        Assert.Equal(0, TinyTrainStep.RunToEnd(TinyTrainStep.Spec(temp.Path, "whole", tokens, steps, CheckpointEvery(steps), null)).ExitCode);
        var killed = TinyTrainStep.Spec(temp.Path, "killed", tokens, steps, CheckpointEvery(steps), new(KeepOptimizer: false, Checkpoints: [steps]));
        TinyTrainStep.KillAfterStep20(temp.Path, "killed", killed);
        var (exitCode, output) = TinyTrainStep.RunToEnd(killed);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, line => line.Contains("resumed from") && line.Contains("step_0000"));
        Assert.Equal(File.ReadAllBytes(Final("whole", steps)), File.ReadAllBytes(Final("killed", steps)));
        var run = Manifest("killed");
        Assert.Equal(Manifest("whole").Content(), run.Content());
        Assert.Equal([$"step_{steps:D6}"], Directory.GetDirectories(Path.GetDirectoryName(Path.GetDirectoryName(Final("killed", steps)))!)
            .Select(Path.GetFileName));
    }

    Manifest Manifest(string name) =>
        Json.Read<Manifest>(Directory.GetFiles(Path.Combine(temp.Path, name, "store"), ArtifactStore.ManifestFile, SearchOption.AllDirectories)
            .Single());

    string Final(string name, int steps) => TinyTrainStep.Final(temp.Path, name, steps);

    static int CheckpointEvery(int steps) => steps == 40 ? 10 : 20;
}
