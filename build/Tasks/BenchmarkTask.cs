using System.Diagnostics;
using System.Text.Json.Nodes;
using ContrastivePipeline.Build.Internal;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Benchmark")]
[TaskDescription("Never cached: times training and generation on the benchmark shape and prints one JSON line")]
public sealed class BenchmarkTask : PipelineTask
{
    public override void Run(BuildContext context)
    {
        var shape = context.Args.All.Where(g => BenchmarkShape.Contains(g.Key)).Select(g => $"--{g.Key}={g.Last()}").ToArray();
        var line = new JsonObject();
        foreach (var verb in new[] { "bench-train", "bench-generate" })
        {
            var result = JsonNode.Parse(RunVerb(context, verb, shape))!.AsObject();
            foreach (var (key, value) in result)
                line[key] = value?.DeepClone();
        }
        Console.WriteLine(line.ToJsonString());
    }

    /// <summary>The shape switches the benchmark verbs take.</summary>
    public static readonly string[] BenchmarkShape = ["layers", "hidden", "heads", "intermediate", "context", "vocab", "batch", "threads"];

    static string RunVerb(BuildContext context, string verb, string[] shape)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = context.Paths.Root, RedirectStandardOutput = true };
        foreach (var arg in new[] { context.Paths.StepCli, verb }.Concat(shape))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.Error.WriteLine(line);
            lines.Add(line);
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new StepFailedException($"{verb} failed (exit code {process.ExitCode}); see its output above");
        return lines.Last(l => l.TrimStart().StartsWith('{'));
    }
}
