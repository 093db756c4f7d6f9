using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Training;

/// <summary>The Train step of a tiny model as the host starts it: a spec file and the step CLI as a child process.</summary>
internal static class TinyTrainStep
{
    /// <summary>200 random documents of a 300-token vocabulary, as a Tokenize artifact's train shard.</summary>
    public static string WriteTokens(string root)
    {
        var folder = Path.Combine(root, "tokens");
        Directory.CreateDirectory(folder);
        var random = new Random(3);
        using var writer = new DocumentShardWriter(Path.Combine(folder, TokenizeContract.TrainShard), 300, new string('0', 32));
        for (var d = 0; d < 200; d++)
            writer.Append([.. Enumerable.Range(0, random.Next(5, 40)).Select(_ => random.Next(4, 300))]);
        writer.Complete();
        return folder;
    }

    /// <summary>A spec training <paramref name="steps"/> steps into its own store, <c>root/name</c>; returns its path.</summary>
    public static string Spec(string root, string name, string tokens, int steps, int checkpointEvery, RunRetention? retention = null)
    {
        var settings = new TrainSettings(
            new ModelConfig { Layers = 2, Hidden = 32, Heads = 2, Intermediate = 64, Context = 16 },
            new TrainConfig { Steps = steps, BatchSize = 4, WarmupSteps = 10, CheckpointEvery = checkpointEvery },
            Seed: 42);
        var spec = new StepSpec
        {
            Step = "Train",
            Instance = name,
            Parts = new KeyParts("Train", "code", "config", "inputs", "toolchain"),
            Settings = JsonSerializer.SerializeToElement(settings, Json.Options),
            Inputs = new() { ["tokens"] = tokens },
            InputKeys = new() { ["tokens"] = "tokens" },
            Store = Path.Combine(root, name),
            Toolchain = new Toolchain("torchsharp", "libtorch", "dotnet", "cpu"),
            Seed = 42,
            Threads = 1,
            Retention = retention,
        };
        var path = Path.Combine(root, name + ".json");
        Json.Write(path, spec);
        return path;
    }

    public static Process Start(string spec, ConcurrentQueue<string>? output = null)
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

    /// <summary>Starts the step and kills it (SIGKILL) as soon as its checkpoint at step 20 is in its partial folder.</summary>
    public static void KillAfterStep20(string root, string name, string spec)
    {
        using var process = Start(spec);
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120) &&
               !Directory.EnumerateDirectories(folder, "step_000020", SearchOption.AllDirectories).Any())
            Thread.Sleep(5);
        Assert.False(process.HasExited, "the step ended before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public static (int ExitCode, string[] Output) RunToEnd(string spec)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Start(spec, output);
        process.WaitForExit();
        return (process.ExitCode, [.. output]);
    }

    /// <summary>The model file of the checkpoint at <paramref name="steps"/> in the store of run <paramref name="name"/>.</summary>
    public static string Final(string root, string name, int steps) => Path.Combine(Directory
        .EnumerateDirectories(Path.Combine(root, name), $"step_{steps:D6}", SearchOption.AllDirectories).Single(), "model.bin");

    static string StepProgram => Path.Combine(Repo.Root, "src", "ContrastivePipeline", "bin",
        typeof(TinyTrainStep).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "ContrastivePipeline.dll");
}
