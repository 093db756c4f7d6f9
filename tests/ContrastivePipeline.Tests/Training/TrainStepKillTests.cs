using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Training;

/// <summary>The Train step as a real child process, killed (SIGKILL) after its first checkpoint and started again.</summary>
public sealed class TrainStepKillTests : IDisposable
{
    const int Steps = 400;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_step_killed_mid_run_finishes_with_the_weights_of_an_uninterrupted_run()
    {
        var tokens = WriteTokens();
        var whole = Spec("whole", tokens);
        var killed = Spec("killed", tokens);
        Assert.Equal(0, RunToEnd(whole).ExitCode);

        using (var process = Start(killed))
        {
            var stepFolders = Directory.CreateDirectory(Path.Combine(temp.Path, "killed")).FullName;
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120) && !Directory
                .EnumerateDirectories(stepFolders, "step_000020", SearchOption.AllDirectories).Any())
                Thread.Sleep(5);
            Assert.False(process.HasExited, "the step ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var (exitCode, output) = RunToEnd(killed);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, line => line.Contains("resumed from") && line.Contains("step_0000"));

        Assert.Equal(File.ReadAllBytes(Final("whole")), File.ReadAllBytes(Final("killed")));
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

    string Spec(string name, string tokens)
    {
        var settings = new TrainSettings(
            new ModelConfig { Layers = 2, Hidden = 32, Heads = 2, Intermediate = 64, Context = 16 },
            new TrainConfig { Steps = Steps, BatchSize = 4, WarmupSteps = 10, CheckpointEvery = 20 },
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
        };
        var path = Path.Combine(temp.Path, name + ".json");
        Json.Write(path, spec);
        return path;
    }

    static Process Start(string spec, ConcurrentQueue<string>? output = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { StepProgram, "step", spec })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output?.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, _) => { };
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

    string Final(string name) => Path.Combine(Directory
        .EnumerateDirectories(Path.Combine(temp.Path, name), $"step_{Steps:D6}", SearchOption.AllDirectories).Single(), "model.bin");

    static string StepProgram => Path.Combine(Repo.Root, "src", "ContrastivePipeline", "bin",
        typeof(TrainStepKillTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "ContrastivePipeline.dll");
}
