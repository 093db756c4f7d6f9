using System.Diagnostics;
using System.Text.Json;
using Cake.Core;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Runs a task's planned instances: reuses cached ones, starts the step CLI for the others, keeps the counts.</summary>
internal sealed class Executor(BuildContext context, IReadOnlyList<(string Name, PipelineTask Task)> tasks,
    List<PlannedStep> plan, RunRecord record, CancellationToken stop)
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
            foreach (var planned in plan.Where(p => p.Instance.Task == task))
            {
                var (step, instance) = (planned, planned.Instance);
                if (step.Entry.Status == PlanEntry.Cached || Reusable(ref step))
                {
                    record.Done(instance, PlanEntry.Cached, 0);
                    cached++;
                    continue;
                }
                if (stop.IsCancellationRequested)
                    throw new RunInterruptedException(instance.Id);
                var started = Stopwatch.StartNew();
                failed++;
                Launch(step);
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

    /// <summary>
    /// A complete artifact under the key, now that the inputs are done: a pending instance whose inputs came out
    /// byte-identical to an earlier run's (early cutoff), or a key another run finished meanwhile. Never under --force;
    /// under --verify only when its files still match its manifest (else it is recomputed).
    /// </summary>
    bool Reusable(ref PlannedStep step)
    {
        var instance = step.Instance;
        if (instance.Parts is null)
            throw new InvalidOperationException($"{instance.Id}: an input of it did not complete");
        if (step.Replace || context.Store.TryGet(instance.Step, instance.Key) is not { } manifest)
            return false;
        if (context.Args.Verify && context.Store.Verify(manifest) is { Count: > 0 } changed)
        {
            Console.WriteLine($"[{instance.Id}] --verify: output files changed: {string.Join(", ", changed)}; recomputing it");
            step = step with { Replace = true };
            return false;
        }
        instance.Manifest = manifest;
        Console.WriteLine($"[{instance.Id}] reused {Hash.Short(instance.Key)}: complete in the store (its inputs came out byte-identical, or another run made it meanwhile)");
        return true;
    }

    void Launch(PlannedStep planned)
    {
        var instance = planned.Instance;
        var spec = new StepSpec
        {
            Step = instance.Step,
            Instance = instance.Instance,
            Parts = instance.Parts!,
            Settings = JsonSerializer.SerializeToElement(instance.Settings, instance.Settings.GetType(), Json.Options),
            Inputs = instance.Inputs.ToDictionary(i => i.Key, i => i.Value.Folder),
            InputKeys = instance.Inputs.ToDictionary(i => i.Key, i => i.Value.Content!),
            Artifacts = instance.Inputs.Where(i => i.Value is ArtifactInput).ToDictionary(i => i.Key, i => ((ArtifactInput)i.Value).ForSpec()),
            Store = context.Paths.Artifacts,
            Toolchain = context.Toolchain,
            Seed = instance.Seed,
            Threads = context.Threads,
            Force = planned.Replace,
            LockTimeoutSeconds = context.Args.LockTimeoutSeconds,
            Retention = instance.Retention,
        };
        Directory.CreateDirectory(context.Paths.Specs);
        var specFile = Path.Combine(context.Paths.Specs, $"{instance.Step}-{instance.Key}.json");
        Json.Write(specFile, spec);
        var cli = context.Paths.StepCli;
        if (!File.Exists(cli))
            throw new StepFailedException($"step CLI not found at {cli}; build it with `dotnet build` (dotnet run --project build does).");
        // The child holds our stdin pipe's read end: when this host dies, even by SIGKILL, the child sees it end and stops.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = context.Paths.Root, RedirectStandardInput = true };
        foreach (var arg in new[] { cli, "step", specFile, StepSpec.WatchHost })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        while (!process.WaitForExit(100))
        {
            if (!stop.IsCancellationRequested)
                continue;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new RunInterruptedException(instance.Id);
        }
        // Ctrl-C reaches the child too; it may die of the signal before our own handler has run.
        if (process.ExitCode != 0 && stop.WaitHandle.WaitOne(process.ExitCode > 128 ? 1000 : 0))
            throw new RunInterruptedException(instance.Id);
        instance.Manifest = context.Store.TryGet(instance.Step, instance.Key);
        if (process.ExitCode != 0 || instance.Manifest is null)
            throw new StepFailedException($"{instance.Id} failed (exit code {process.ExitCode}); its error is above. " +
                $"Nothing was stored for it; fix the cause and rerun (finished instances are reused). Spec: {specFile}");
    }
}
