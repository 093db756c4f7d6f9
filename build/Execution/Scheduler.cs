using System.Diagnostics;
using System.Text.Json;
using Cake.Core;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// Runs the planned instances as a graph: an instance starts as soon as its own inputs are complete, while a device
/// slot is free, lowest plan position first (so one slot runs them exactly in the plan's order). Cake's tasks stay the
/// user's view: each task waits here for its own instances and then does its own work (the report), while instances of
/// later tasks whose inputs exist already run. A failure stops new launches; running instances finish (or, with
/// --fail-fast, are cancelled).
/// </summary>
internal sealed class Scheduler(BuildContext context, IReadOnlyList<(string Name, PipelineTask Task)> tasks, List<PlannedStep> plan,
    RunRecord record, ILauncher launcher, DeviceSlots slots, Func<StepInstance, Launch> shape, Scheduler.Options options,
    CancellationToken stop)
{
    /// <param name="Rerun">The command that resumes this run, for failure messages.</param>
    /// <param name="Retries">How often an instance that ran out of memory or time is tried again with more (--retries).</param>
    public sealed record Options(bool FailFast, string Rerun, int Retries = 1)
    {
        /// <summary>This run, as its steps record it in their manifests.</summary>
        public string Run { get; } = Guid.NewGuid().ToString("N");
    }

    enum State { Waiting, Running, Committing, Ran, Cached, Failed, Cancelled }

    readonly State[] states = new State[plan.Count];
    readonly Dictionary<int, Job> running = [];
    readonly Dictionary<int, DateTimeOffset> committing = [];
    readonly DateTimeOffset?[] started = new DateTimeOffset?[plan.Count];
    readonly DateTimeOffset?[] ended = new DateTimeOffset?[plan.Count];
    readonly Dictionary<string, TimeSpan> work = [];
    readonly int[] retries = new int[plan.Count];
    readonly Dictionary<int, TaskResources> more = [];
    readonly List<string> failures = [];
    readonly Stopwatch clock = Stopwatch.StartNew();

    public string Counts => $"{Count(State.Ran)} ran, {Count(State.Cached)} cached, {Count(State.Failed)} failed" +
        (Count(State.Cancelled) is > 0 and var c ? $", {c} cancelled" : "");

    /// <summary>Cake's action for a task: runs the graph until the task's own instances are done, then its own work.</summary>
    public void Execute(string task)
    {
        var mine = Indices(task).ToList();
        Drive(() => mine.All(i => states[i] is State.Ran or State.Cached));
        var begun = clock.Elapsed;
        tasks.Single(t => t.Name == task).Task.Run(context);
        work[task] = clock.Elapsed - begun;
    }

    /// <summary>Cake's end-of-run table, with ran / cached / failed instances per task; printed on failure too.</summary>
    public CakeReport Report(IEnumerable<string> order)
    {
        var report = new CakeReport();
        foreach (var task in order)
        {
            var mine = Indices(task).ToList();
            if (!work.ContainsKey(task) && mine.All(i => states[i] == State.Waiting))
            {
                report.AddSkipped(task, "not reached");
                continue;
            }
            int Of(State s) => mine.Count(i => states[i] == s);
            var spans = mine.Where(i => started[i] is not null).ToList();
            var duration = (spans.Count == 0 ? TimeSpan.Zero : spans.Max(i => ended[i] ?? DateTimeOffset.UtcNow) - spans.Min(i => started[i]!.Value))
                + work.GetValueOrDefault(task);
            var name = $"{task} ({Of(State.Ran)} ran, {Of(State.Cached)} cached" +
                $"{(Of(State.Failed) > 0 ? $", {Of(State.Failed)} failed" : "")}{(Of(State.Cancelled) > 0 ? $", {Of(State.Cancelled)} cancelled" : "")})";
            if (Of(State.Failed) > 0)
                report.AddFailed(name, duration);
            else
                report.Add(name, duration);
        }
        return report;
    }

    void Drive(Func<bool> done)
    {
        while (true)
        {
            if (stop.IsCancellationRequested)
                Interrupt();
            Reap();
            if (failures.Count == 0)
                StartReady();
            if (done())
                return;
            if (running.Count == 0 && committing.Count == 0)
            {
                if (failures.Count > 0)
                    throw new StepFailedException(string.Join(Environment.NewLine, failures));
                var stuck = plan[Enumerable.Range(0, plan.Count).First(i => states[i] == State.Waiting)].Instance;
                var missing = stuck.Inputs.Values.OfType<ArtifactInput>().First(i => i.Content is null).Source.Id;
                throw new StepFailedException($"{stuck.Id} needs {missing}, which is not complete in the store and not part of this " +
                    "run (--exclusive runs only the target's own instances): run without --exclusive");
            }
            stop.WaitHandle.WaitOne(launcher.PollInterval);
        }
    }

    /// <summary>Starts every instance whose inputs are complete, while slots are free; reuses what is complete already.</summary>
    void StartReady()
    {
        for (var i = 0; i < plan.Count; i++)
        {
            if (states[i] != State.Waiting || plan[i].Instance.Parts is null)
                continue;
            var step = plan[i];
            if (step.Entry.Status == PlanEntry.Cached || Reusable(ref step))
            {
                states[i] = State.Cached;
                record.Done(step.Instance, PlanEntry.Cached, null, null);
                InstanceCurves.Fill(context, step.Instance);
                continue;
            }
            plan[i] = step;
            // Its twin (the same step and key under another name: seed 43's baseline is the base run) is computing it:
            // wait for that to commit and reuse it, rather than hold a slot (a Slurm allocation) behind the key's lock.
            if (TwinComputing(i) || stop.IsCancellationRequested || !slots.TryTake(out var slot))
                continue;
            Start(i, slot);
            if (failures.Count > 0)
                return;
        }
    }

    bool TwinComputing(int i) => running.Keys.Concat(committing.Keys)
        .Any(j => plan[j].Instance.Step == plan[i].Instance.Step && plan[j].Instance.Key == plan[i].Instance.Key);

    void Start(int i, string slot)
    {
        var launch = shape(plan[i].Instance) with { Slot = slot };
        if (more.TryGetValue(i, out var resources))
            launch = launch with { Resources = resources };
        started[i] = DateTimeOffset.UtcNow;
        // Before the spec is written: the adopted job reads the spec its own host wrote.
        if (launcher.Adopt(launch) is { } orphan)
        {
            running[i] = orphan;
            states[i] = State.Running;
            Console.WriteLine($"[{launch.Instance.Id}] adopted: {orphan.Where}, {(orphan.Running ? "running" : "queued")} since an earlier run " +
                $"submitted it; watched instead of submitted again; log {Relative(launch.LogFile)}");
            return;
        }
        WriteSpec(plan[i], launch);
        try
        {
            var job = launcher.Start(launch);
            running[i] = job;
            states[i] = State.Running;
            Console.WriteLine($"[{launch.Instance.Id}] {(job.Running ? "started" : "submitted")}: {job.Where}; log {Relative(launch.LogFile)}");
        }
        catch (StepFailedException refused)
        {
            // Nothing ran, so there is no log to name: the message says what refused it.
            slots.Return(slot);
            Fail(i, refused.Message, null);
        }
    }

    void Reap()
    {
        if (running.Count > 0)
            launcher.Poll(running.Values.ToList());
        foreach (var job in running.Values)
        {
            while (job.News.TryDequeue(out var news))
                Console.WriteLine($"[{job.Launch.Instance.Id}] {news}");
        }
        foreach (var (i, job) in running.Where(r => r.Value.End is not null).ToList())
        {
            running.Remove(i);
            slots.Return(job.Launch.Slot);
            var end = job.End!;
            if (end.Again && !stop.IsCancellationRequested)
            {
                Console.WriteLine($"[{job.Launch.Instance.Id}] stopped on a signal after a checkpoint ({end.Description}); starting it again, it resumes");
                states[i] = State.Waiting;
                continue;
            }
            if (end.Retry is { } retry && retries[i] < options.Retries && !stop.IsCancellationRequested)
            {
                retries[i]++;
                more[i] = retry.Resources;
                Console.WriteLine($"[{job.Launch.Instance.Id}] {end.Description}. {retry.Change}: submitting it again, retry {retries[i]} of --retries={options.Retries}");
                states[i] = State.Waiting;
                continue;
            }
            // Ctrl-C reaches a local child too; it may die of the signal before our own handler has run.
            if (!end.Succeeded && stop.WaitHandle.WaitOne(end.Signaled ? 1000 : 0))
            {
                states[i] = State.Cancelled;
                Interrupt(job.Launch.Instance.Id);
            }
            if (end.Succeeded)
            {
                states[i] = State.Committing;
                committing[i] = DateTimeOffset.UtcNow + launcher.CommitGrace;
            }
            else
            {
                Fail(i, end.Description, job.Launch.LogFile);
            }
        }
        foreach (var (i, deadline) in committing.ToList())
        {
            var instance = plan[i].Instance;
            instance.Manifest = context.Store.TryGet(instance.Step, instance.Key);
            if (instance.Manifest is not null)
            {
                committing.Remove(i);
                ended[i] = DateTimeOffset.UtcNow;
                // The step may have waited on another run's lock and found the key complete: that run computed it.
                var ours = instance.Manifest.Run == options.Run;
                states[i] = ours ? State.Ran : State.Cached;
                record.Done(instance, ours ? PlanEntry.Run : PlanEntry.Cached, started[i], ended[i]);
                InstanceCurves.Fill(context, instance);
            }
            else if (DateTimeOffset.UtcNow >= deadline)
            {
                committing.Remove(i);
                Fail(i, $"it ended without error, but no complete artifact appeared in the store within {launcher.CommitGrace.TotalSeconds:F0} s",
                    shape(instance).LogFile);
            }
        }
    }

    void Fail(int i, string why, string? log)
    {
        states[i] = State.Failed;
        ended[i] = DateTimeOffset.UtcNow;
        failures.Add($"{plan[i].Instance.Id} failed ({why}){(log is null ? "" : $"; log: {Relative(log)}")}. Nothing was stored for it; fix the " +
            $"cause and rerun (finished instances are reused): {options.Rerun}");
        if (!options.FailFast || running.Count == 0)
            return;
        Console.WriteLine($"--fail-fast: cancelling {string.Join(", ", running.Values.Select(j => j.Launch.Instance.Id))}");
        Cancel();
    }

    void Interrupt(string? already = null)
    {
        var stopped = running.Values.Select(j => j.Launch.Instance.Id).Prepend(already).OfType<string>().ToList();
        Cancel();
        throw new RunInterruptedException(stopped.Count > 0 ? string.Join(", ", stopped) : "nothing was running");
    }

    void Cancel()
    {
        launcher.Cancel(running.Values.ToList());
        foreach (var (i, job) in running)
        {
            states[i] = State.Cancelled;
            ended[i] = DateTimeOffset.UtcNow;
            slots.Return(job.Launch.Slot);
        }
        running.Clear();
    }

    /// <summary>
    /// A complete artifact under the key, now that the inputs are done: a pending instance whose inputs came out
    /// byte-identical to an earlier run's (early cutoff), or a key another run finished meanwhile. Never under --force;
    /// under --verify only when its files still match its manifest (else it is recomputed).
    /// </summary>
    bool Reusable(ref PlannedStep step)
    {
        var instance = step.Instance;
        if (step.Replace)
            return false;
        var manifest = context.Reusable(instance.Step, instance.Key, out var changed);
        if (changed is not null)
        {
            Console.WriteLine($"[{instance.Id}] {changed}; recomputing it");
            step = step with { Replace = true };
        }
        if (manifest is null)
            return false;
        instance.Manifest = manifest;
        Console.WriteLine($"[{instance.Id}] reused {Hash.Short(instance.Key)}: complete in the store (its inputs came out byte-identical, or another run made it meanwhile)");
        return true;
    }

    void WriteSpec(PlannedStep planned, Launch launch)
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
            Threads = launch.Threads,
            Force = planned.Replace,
            LockTimeoutSeconds = context.Args.LockTimeoutSeconds,
            Retention = instance.Retention,
            TensorBoard = context.Paths.TensorBoard(context.Experiment.Name, instance.Instance),
            Run = options.Run,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(launch.SpecFile)!);
        Json.Write(launch.SpecFile, spec);
    }

    IEnumerable<int> Indices(string task) => Enumerable.Range(0, plan.Count).Where(i => plan[i].Instance.Task == task);

    int Count(State state) => states.Count(s => s == state);

    /// <summary>A path under the repository relative to it (as the user typed the command there), any other in full.</summary>
    string Relative(string path) => Path.GetRelativePath(context.Paths.Root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal)
        ? relative : path;
}
