using System.Diagnostics;
using System.Text.Json.Nodes;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Benchmark")]
[TaskDescription("Never cached: times training and generation on the benchmark shape and prints one JSON line")]
public sealed class BenchmarkTask : PipelineTask
{
    public override void Run(BuildContext context)
    {
        string[] Given(IEnumerable<string> names) =>
            [.. context.Args.All.Where(g => names.Contains(g.Key)).Select(g => $"--{g.Key}={g.Last()}")];
        var line = new JsonObject();
        // Training takes every shape switch; generation has the fixed shape and takes only the threads.
        foreach (var (verb, args) in new[] { ("train-benchmark", Given(BenchmarkShape)), ("generate-benchmark", Given(["threads"])) })
        {
            var result = JsonNode.Parse(RunVerb(context, verb, args))!.AsObject();
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
