using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

/// <summary>What a finished training run keeps, through the real Train step (the step CLI, as the host starts it).</summary>
public sealed class TrainRetentionTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FinishedRun_DroppingItsOptimizerState_KeepsTheFinalModelByteIdentical_AndTheSameOutputHashes()
    {
        var tokens = WriteTokens();
        Assert.Equal(0, RunToEnd(Spec("kept", tokens, steps: 40, retention: null)).ExitCode);
        Assert.Equal(0, RunToEnd(Spec("dropped", tokens, steps: 40, retention: new(KeepOptimizer: false, Checkpoints: null))).ExitCode);

        Assert.Equal(File.ReadAllBytes(Final("kept", 40)), File.ReadAllBytes(Final("dropped", 40)));
        var (kept, dropped) = (Manifest("kept"), Manifest("dropped"));
        Assert.Equal(kept.Outputs, dropped.Outputs);
        Assert.Equal(kept.Content(), dropped.Content());
        Assert.Null(kept.Dropped);
        Assert.Equal([10, 20, 30, 40], dropped.Dropped!.Select(f => RunRetention.CheckpointOf(f)!.Value));
        Assert.All(dropped.Dropped!, f => Assert.EndsWith("/" + Checkpoints.OptimizerFile, f));
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "dropped"), Checkpoints.OptimizerFile, SearchOption.AllDirectories));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(temp.Path, "kept"), Checkpoints.OptimizerFile, SearchOption.AllDirectories).Length);
        Assert.Empty(new ArtifactStore(Path.Combine(temp.Path, "dropped")).Verify(dropped));
    }

    [Fact]
    public void InterruptedRun_WhoseRetentionDropsCheckpoints_ResumesAndEndsWithTheWeightsOfAnUninterruptedRun()
    {
        const int steps = 400;
        var tokens = WriteTokens();
        Assert.Equal(0, RunToEnd(Spec("whole", tokens, steps, retention: null)).ExitCode);
        var killed = Spec("killed", tokens, steps, retention: new(KeepOptimizer: false, Checkpoints: [steps]));
        using (var process = Start(killed))
        {
            var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "killed")).FullName;
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120) &&
                   !Directory.EnumerateDirectories(folder, "step_000020", SearchOption.AllDirectories).Any())
                Thread.Sleep(5);
            Assert.False(process.HasExited, "the step ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var (exitCode, output) = RunToEnd(killed);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, line => line.Contains("resumed from") && line.Contains("step_0000"));
        Assert.Equal(File.ReadAllBytes(Final("whole", steps)), File.ReadAllBytes(Final("killed", steps)));
        var run = Manifest("killed");
        Assert.Equal(Manifest("whole").Content(), run.Content());
        Assert.Equal([$"step_{steps:D6}"], Directory.GetDirectories(Path.GetDirectoryName(Path.GetDirectoryName(Final("killed", steps)))!)
            .Select(Path.GetFileName));
    }

    string WriteTokens()
    {
        var folder = Path.Combine(temp.Path, "tokens");
        Directory.CreateDirectory(folder);
        var random = new Random(3);
        using var writer = new DocumentShardWriter(Path.Combine(folder, TokenizeStep.TrainShard), 300, new string('0', 32));
        for (var d = 0; d < 200; d++)
            writer.Append([.. Enumerable.Range(0, random.Next(5, 40)).Select(_ => random.Next(4, 300))]);
        writer.Complete();
        return folder;
    }

    string Spec(string name, string tokens, int steps, RunRetention? retention)
    {
        var settings = new TrainSettings(
            new ModelConfig { Layers = 2, Hidden = 32, Heads = 2, Intermediate = 64, Context = 16 },
            new TrainConfig { Steps = steps, BatchSize = 4, WarmupSteps = 10, CheckpointEvery = steps == 40 ? 10 : 20 },
            Seed: 42);
        var spec = new StepSpec
        {
            Step = "Train",
            Instance = name,
            Parts = new KeyParts("Train", "code", "config", "inputs", "toolchain"),
            Settings = JsonSerializer.SerializeToElement(settings, Json.Options),
            Inputs = new() { ["tokens"] = tokens },
            InputKeys = new() { ["tokens"] = "tokens" },
            Store = Path.Combine(temp.Path, name),
            Toolchain = new Toolchain("torchsharp", "libtorch", "dotnet", "cpu"),
            Seed = 42,
            Threads = 1,
            Retention = retention,
        };
        var path = Path.Combine(temp.Path, name + ".json");
        Json.Write(path, spec);
        return path;
    }

    Manifest Manifest(string name) =>
        Json.Read<Manifest>(Directory.GetFiles(Path.Combine(temp.Path, name, "store"), ArtifactStore.ManifestFile, SearchOption.AllDirectories)
            .Single());

    string Final(string name, int steps) => Path.Combine(Directory
        .EnumerateDirectories(Path.Combine(temp.Path, name), $"step_{steps:D6}", SearchOption.AllDirectories).Single(), Checkpoints.ModelFile);

    static Process Start(string spec, ConcurrentQueue<string>? output = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { StepProgram, "step", spec })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output?.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output?.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static (int ExitCode, string[] Output) RunToEnd(string spec)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Start(spec, output);
        process.WaitForExit();
        return (process.ExitCode, [.. output]);
    }

    static string StepProgram => Path.Combine(Repo.Root, "src", "ContrastivePipeline", "bin",
        typeof(TrainRetentionTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "ContrastivePipeline.dll");
}
