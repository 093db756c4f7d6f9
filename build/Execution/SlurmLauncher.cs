using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// Runs each instance as a Slurm job, from an sbatch script written beside its spec (a user can submit it by hand). The
/// host keeps the graph and submits an instance only when its inputs are complete (no --dependency: a failed parent
/// would strand its dependents in PENDING forever). One squeue call polls all of the run's jobs; the manifest in the
/// store, not the job's state, says whether it succeeded.
/// </summary>
internal sealed class SlurmLauncher(string root, string cli, SlurmSettings settings, ArtifactStore store) : ILauncher
{
    /// <summary>How long a Slurm client command may take before it counts as not answered.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    DateTime lastWarning = DateTime.MinValue;

    /// <summary>This user's live jobs when the host began, by their sbatch script (a spec's: one per step key).</summary>
    Dictionary<string, SlurmRow>? earlier;

    public TimeSpan PollInterval => settings.Poll;

    /// <summary>A job's own allocation: the CPUs its task asks for, else as many as the host machine has.</summary>
    public int Threads(TaskResources resources, int threads, DeviceSlots slots) => resources.Cpus ?? threads;

    public void DescribeDryRun(IReadOnlyList<PlannedStep> plan, Func<string, int> threadsOf, Func<string, TaskResources> resources) =>
        SlurmRequests.Print(plan, task => SbatchScript.Resources(threadsOf(task), resources(task)));

    public TimeSpan CommitGrace => settings.CommitGrace;

    /// <summary>
    /// A live job running this instance's script (one <c>squeue --me</c> listing, taken at the first instance), or the
    /// live Slurm job its key's lock names as holder (submitted by another user, or by hand).
    /// </summary>
    public Job? Adopt(Launch launch)
    {
        earlier ??= Live("--me").Where(r => r.Command.Length > 0).GroupBy(r => r.Command).ToDictionary(g => g.Key, g => g.First());
        if (earlier.Remove(Script(launch), out var row))
            return new SlurmJob(launch, row.Id, row);
        var holder = LockHolder.Read(KeyLock.HolderFile(store.LockFile(launch.Instance.Step, launch.Instance.Key)));
        return holder?.SlurmJob is { } id && Live("-j", id).FirstOrDefault(r => r.Id == id) is { } held ? new SlurmJob(launch, id, held) : null;
    }

    public Job Start(Launch launch)
    {
        var script = Script(launch);
        File.WriteAllText(script, SbatchScript.For(launch, root, cli, settings.Signal));
        Directory.CreateDirectory(Path.GetDirectoryName(launch.LogFile)!);
        var (code, output, error) = ShortCommand.Run("sbatch", Patience, "--parsable", script);
        if (code != 0)
            throw new StepFailedException($"sbatch refused it: {error.Trim()} (script {script})");
        return new SlurmJob(launch, output.Trim().Split(';')[0]);
    }

    public void Poll(IReadOnlyCollection<Job> running)
    {
        var jobs = running.Cast<SlurmJob>().ToDictionary(j => j.Id);
        var (code, output, error) = ShortCommand.Run("squeue", Patience, "-h", "-t", "all", "-j", string.Join(",", jobs.Keys), "-O", SlurmRow.Format);
        if (code != 0 && !error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            // slurmctld busy or restarting: the jobs are not lost, ask again at the next poll.
            if (DateTime.UtcNow - lastWarning > TimeSpan.FromMinutes(1))
                Console.WriteLine($"squeue failed ({error.Trim()}); asking again every {settings.Poll.TotalSeconds:F0} s");
            lastWarning = DateTime.UtcNow;
            return;
        }
        var rows = SlurmRow.Parse(output).ToDictionary(r => r.Id);
        foreach (var (id, job) in jobs)
        {
            if (!rows.TryGetValue(id, out var row))
            {
                job.End = new JobEnd(true, $"Slurm job {id} is no longer in squeue");
                continue;
            }
            job.Observe(row);
            var end = EndOf(id, row.State, row.Reason, ExitCode);
            job.End = end is { Succeeded: false } ? Failure(job, row, end) : end;
        }
    }

    /// <summary>
    /// How a job in <paramref name="state"/> has ended, or null while it may still run (or run again: requeued). Any end
    /// but COMPLETED is a failure named by its state (FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, CANCELLED, ...), its
    /// reason and its exit code; COMPLETED still waits for the manifest.
    /// </summary>
    public static JobEnd? EndOf(string id, string state, string reason, Func<string, string> exitCode) =>
        state == "COMPLETED" ? new JobEnd(true, $"Slurm job {id} COMPLETED")
        : !SlurmJobs.Ended(state) ? null
        : new JobEnd(false, $"Slurm job {id} ended {state}{Reason(reason)}{exitCode(id)}");

    public void Cancel(IReadOnlyCollection<Job> running)
    {
        if (running.Count == 0)
            return;
        var ids = running.Cast<SlurmJob>().Select(j => j.Id).ToList();
        ShortCommand.Run("scancel", Patience, [.. ids]);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var (_, output, _) = ShortCommand.Run("squeue", Patience, "-h", "-j", string.Join(",", ids), "-o", "%T");
            if (output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(SlurmJobs.Ended))
                break;
            Thread.Sleep(500);
        }
        foreach (var job in running)
            job.End = new JobEnd(false, "cancelled", Signaled: true);
    }

    /// <summary>A failed job's end with its cause from its log, and the resources of a retry where more may help.</summary>
    JobEnd Failure(SlurmJob job, SlurmRow row, JobEnd failed)
    {
        var log = LogTail.Text(job.Launch.LogFile);
        var granted = Show(job.Id);
        return failed with
        {
            Description = LogTail.LastError(job.Launch.LogFile) is { } cause ? $"{failed.Description}; its last error: {cause}" : failed.Description,
            Retry = SlurmRetry.For(row.State, log, job.Launch.Resources, granted, settings.MaxMemory, settings.MaxTime),
        };
    }

    /// <summary>The rows of jobs that have not ended, from one squeue call with <paramref name="selection"/>; none when it fails.</summary>
    static IEnumerable<SlurmRow> Live(params string[] selection)
    {
        var (code, output, _) = ShortCommand.Run("squeue", Patience, ["-h", .. selection, "-O", SlurmRow.Format]);
        return code == 0 ? SlurmRow.Parse(output).Where(r => !SlurmJobs.Ended(r.State)) : [];
    }

    static string Script(Launch launch) => Path.ChangeExtension(launch.SpecFile, ".sbatch");

    static string Reason(string reason) => reason is "None" or "" ? "" : $", reason {reason}";

    /// <summary>The exit code Slurm recorded (scontrol knows it while the job is still listed; sacct may be disabled).</summary>
    static string ExitCode(string id) => Show(id).TryGetValue("ExitCode", out var exit) ? $", exit code {exit}" : "";

    /// <summary><c>scontrol show job</c>'s fields (ExitCode, TimeLimit, MinMemoryNode, ...); none when it does not answer.</summary>
    static Dictionary<string, string> Show(string id)
    {
        var (code, output, _) = ShortCommand.Run("scontrol", Patience, "show", "job", id, "-o");
        return code != 0 ? [] : output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }
}
