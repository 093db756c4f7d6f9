using System.Diagnostics;
using System.Text.Json;
using Cake.Core;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Runs a task's planned instances: reuses cached ones, starts the step CLI for the others, keeps the counts.</summary>
internal sealed class Executor(BuildContext context, IReadOnlyList<(string Name, PipelineTask Task)> tasks,
    List<(StepInstance Instance, PlanEntry Entry)> plan, RunRecord record)
{
    readonly Dictionary<string, (int Ran, int Cached, int Failed, TimeSpan Duration)> stats = [];

    public string Counts =>
        $"{stats.Values.Sum(s => s.Ran)} ran, {stats.Values.Sum(s => s.Cached)} cached, {stats.Values.Sum(s => s.Failed)} failed";

    public void Execute(string task)
    {
        var clock = Stopwatch.StartNew();
        var (ran, cached, failed) = (0, 0, 0);
        try
        {
            foreach (var (instance, entry) in plan.Where(p => p.Instance.Task == task))
            {
                if (entry.Status == PlanEntry.Cached)
                {
                    record.Done(instance, PlanEntry.Cached, 0);
                    cached++;
                    continue;
                }
                var started = Stopwatch.StartNew();
                failed++;
                Launch(instance);
                failed--;
                ran++;
                record.Done(instance, PlanEntry.Run, started.Elapsed.TotalSeconds);
            }
            tasks.Single(t => t.Name == task).Task.Run(context);
        }
        finally
        {
            stats[task] = (ran, cached, failed, clock.Elapsed);
        }
    }

    /// <summary>Cake's end-of-run table, with ran / cached / failed instances per task; printed on failure too.</summary>
    public CakeReport Report(IEnumerable<string> order)
    {
        var report = new CakeReport();
        foreach (var task in order)
        {
            if (!stats.TryGetValue(task, out var s))
            {
                report.AddSkipped(task, "not reached");
                continue;
            }
            var name = $"{task} ({s.Ran} ran, {s.Cached} cached{(s.Failed > 0 ? $", {s.Failed} failed" : "")})";
            if (s.Failed > 0)
                report.AddFailed(name, s.Duration);
            else
                report.Add(name, s.Duration);
        }
        return report;
    }

    void Launch(StepInstance instance)
    {
        var existing = context.Store.TryGet(instance.Step, instance.Key) is not null;
        var spec = new StepSpec
        {
            Step = instance.Step,
            Instance = instance.Instance,
            Parts = instance.Parts,
            Settings = JsonSerializer.SerializeToElement(instance.Settings, instance.Settings.GetType(), Json.Options),
            Inputs = instance.Inputs.ToDictionary(i => i.Key, i => i.Value.Folder),
            InputKeys = instance.Inputs.ToDictionary(i => i.Key, i => i.Value.Key),
            Store = context.Paths.Artifacts,
            Toolchain = context.Toolchain,
            Seed = instance.Seed,
            Threads = context.Threads,
            Force = existing,
        };
        Directory.CreateDirectory(context.Paths.Specs);
        var specFile = Path.Combine(context.Paths.Specs, $"{instance.Step}-{instance.Key}.json");
        Json.Write(specFile, spec);
        var cli = context.Paths.StepCli;
        if (!File.Exists(cli))
            throw new StepFailedException($"step CLI not found at {cli}; build it with `dotnet build` (dotnet run --project build does).");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = context.Paths.Root };
        foreach (var arg in new[] { cli, "step", specFile })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0 || context.Store.TryGet(instance.Step, instance.Key) is null)
            throw new StepFailedException($"{instance.Id} failed (exit code {process.ExitCode}); see its output above. " +
                $"Nothing was stored for it; fix the cause and rerun (finished instances are reused). Spec: {specFile}");
    }
}
