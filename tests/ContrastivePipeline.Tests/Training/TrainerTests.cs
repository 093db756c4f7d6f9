using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Training;
using TorchSharp;

namespace ContrastivePipeline.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainerTests
{
    [Fact]
    public void RunKilledAfterACheckpoint_ResumesToBitIdenticalWeights()
    {
        using var whole = new TempFolder();
        using var killed = new TempFolder();
        using var uninterrupted = TinyRuns.Trainer(whole.Path);
        uninterrupted.Run();

        // "kill -9" one step after the checkpoint at step 4: the new trainer must redo step 5 from the checkpoint.
        using (var first = TinyRuns.Trainer(killed.Path))
        {
            first.StepCompleted += m => { if (m.Step == 5) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => first.Run());
        }
        using var resumed = TinyRuns.Trainer(killed.Path);
        resumed.Run();

        var expected = uninterrupted.Model.state_dict();
        foreach (var (name, tensor) in resumed.Model.state_dict())
            Assert.True(Tensors.Same(tensor, expected[name]), $"{name} differs after resuming");
        Assert.Equal(File.ReadAllLines(Path.Combine(whole.Path, "metrics.jsonl")).Select(Loss),
            File.ReadAllLines(Path.Combine(killed.Path, "metrics.jsonl")).Select(Loss));
    }

    [Fact]
    public void ASignal_StopsTheRunAfterTheNextStep_WithACheckpointThere_AndTheResumedRunGivesTheSameBytes()
    {
        using var whole = new TempFolder();
        using var stopped = new TempFolder();
        var config = TinyRuns.Config with { Steps = 8, CheckpointEvery = 4 };
        using (var uninterrupted = TinyRuns.Trainer(whole.Path, config))
            uninterrupted.Run();

        // The signal arrives during step 3 (seen once it is done): the run saves step 3 and stops, losing nothing.
        string? signal = null;
        using (var first = TinyRuns.Trainer(stopped.Path, config, stopAsked: () => signal))
        {
            first.StepCompleted += m => { if (m.Step == 3) signal = "SIGUSR1"; };
            Assert.Contains("SIGUSR1: stopped after step 3 of 8", Assert.Throws<StepStoppedException>(() => first.Run()).Message);
        }
        Assert.Equal([3L], Checkpoints.List(stopped.Path).Select(c => c.Step));
        var log = new List<string>();
        using (var resumed = TinyRuns.Trainer(stopped.Path, config, log.Add))
            resumed.Run();

        Assert.Contains(log, l => l.StartsWith($"resumed from {Checkpoints.Folder(stopped.Path, 3)}", StringComparison.Ordinal));
        // The signal's checkpoint is gone once the schedule's next one exists: the run folder is the undisturbed one.
        Assert.Equal([4L, 8], Checkpoints.List(stopped.Path).Select(c => c.Step));
        Assert.Equal(Files(whole.Path), Files(stopped.Path));
    }

    [Fact]
    public void ASignalDuringTheLastStep_LetsTheRunFinish()
    {
        using var folder = new TempFolder();
        string? signal = null;
        using var trainer = TinyRuns.Trainer(folder.Path, stopAsked: () => signal);
        trainer.StepCompleted += m => { if (m.Step == TinyRuns.Config.Steps) signal = "SIGTERM"; };

        Assert.Equal(Checkpoints.Folder(folder.Path, TinyRuns.Config.Steps), trainer.Run());
        Assert.Equal([2L, 4, 6], Checkpoints.List(folder.Path).Select(c => c.Step));
    }

    [Fact]
    public void Run_WritesACheckpointEveryNSteps_AndOneMetricsLinePerStep()
    {
        using var folder = new TempFolder();
        using var trainer = TinyRuns.Trainer(folder.Path);

        var final = trainer.Run();

        Assert.Equal([2L, 4, 6], Checkpoints.List(folder.Path).Select(c => c.Step));
        Assert.Equal(Checkpoints.Folder(folder.Path, 6), final);
        Assert.Equal(["model.bin", "optimizer.bin", "state.json"],
            Directory.GetFiles(final).Select(Path.GetFileName).Order());
        Assert.Equal(6, File.ReadAllLines(Path.Combine(folder.Path, "metrics.jsonl")).Length);
    }

    [Fact]
    public void Resume_IgnoresACheckpointThatAKillLeftHalfWritten()
    {
        using var folder = new TempFolder();
        using (var first = TinyRuns.Trainer(folder.Path, TinyRuns.Config with { Steps = 6, CheckpointEvery = 2 }))
        {
            first.StepCompleted += m => { if (m.Step == 3) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => first.Run());
        }
        folder.File("checkpoints/step_000004.partial/model.bin", "half a file");

        var logs = new List<string>();
        using var resumed = TinyRuns.Trainer(folder.Path, log: logs.Add);
        resumed.Run();

        Assert.Contains(logs, line => line.Contains("resumed from") && line.Contains("step 2 of 6"));
        Assert.Equal([2L, 4, 6], Checkpoints.List(folder.Path).Select(c => c.Step));
    }

    [Fact]
    public void Run_StopsWithTheStepNumber_WhenTheLossIsNotFinite()
    {
        using var folder = new TempFolder();
        using var trainer = TinyRuns.Trainer(folder.Path, TinyRuns.Config with { LearningRate = 1e30, WarmupSteps = 0, GradClip = 0 });

        var error = Assert.Throws<StepException>(() => trainer.Run());

        var step = long.Parse(System.Text.RegularExpressions.Regex.Match(error.Message, @"at step (\d+)").Groups[1].Value);
        Assert.Contains("learning_rate", error.Message);
        Assert.All(Checkpoints.List(folder.Path), c => Assert.True(c.Step < step));
    }

    [Fact]
    public void LiveTensorCount_DoesNotGrowFromStepToStep()
    {
        using var folder = new TempFolder();
        using var trainer = TinyRuns.Trainer(folder.Path, TinyRuns.Config with { Steps = 12, CheckpointEvery = 5 });
        var live = new List<long>();
        trainer.StepCompleted += _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        trainer.Run();

        Assert.Equal(live[2], live[^1]);
    }

    [Fact]
    public void ACheckpoint_LoadsAsAModelWithTheTrainedWeights()
    {
        using var folder = new TempFolder();
        using var trainer = TinyRuns.Trainer(folder.Path);
        var final = trainer.Run();

        using var loaded = Checkpoints.LoadModel(final);

        var trained = trainer.Model.state_dict();
        Assert.Equal(trainer.Model.Shape, loaded.Shape);
        Assert.All(loaded.state_dict(), kv => Assert.True(Tensors.Same(kv.Value, trained[kv.Key]), kv.Key));
    }

    /// <summary>Every file of a run folder and its bytes' hash.</summary>
    static SortedDictionary<string, string> Files(string folder) => new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    static double Loss(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("loss").GetDouble();
}
