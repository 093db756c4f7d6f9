using System.Diagnostics;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Internal;

/// <summary>
/// Runs each instance as a Slurm job, from an sbatch script written beside its spec (a user can submit it by hand). The
/// host keeps the graph and submits an instance only when its inputs are complete (no --dependency: a failed parent
/// would strand its dependents in PENDING forever). One squeue call polls all of the run's jobs; the manifest in the
/// store, not the job's state, says whether it succeeded.
/// </summary>
internal sealed class SlurmLauncher(string root, string cli, TimeSpan poll, TimeSpan grace) : ILauncher
{
    /// <summary>How long a Slurm client command may take before it counts as not answered.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    DateTime lastWarning = DateTime.MinValue;

    public TimeSpan PollInterval => poll;

    public TimeSpan CommitGrace => grace;

    public Job Start(Launch launch)
    {
        var script = Path.ChangeExtension(launch.SpecFile, ".sbatch");
        File.WriteAllText(script, SbatchScript.For(launch, root, cli));
        Directory.CreateDirectory(Path.GetDirectoryName(launch.LogFile)!);
        var (code, output, error) = ShortCommand.Run("sbatch", Patience, "--parsable", script);
        if (code != 0)
            throw new StepFailedException($"sbatch refused it: {error.Trim()} (script {script})");
        return new SlurmJob(launch, output.Trim().Split(';')[0]);
    }

    public void Poll(IReadOnlyCollection<Job> running)
    {
        var jobs = running.Cast<SlurmJob>().ToDictionary(j => j.Id);
        var (code, output, error) = ShortCommand.Run("squeue", Patience, "-h", "-t", "all", "-j", string.Join(",", jobs.Keys), "-o", "%i|%T|%r");
        if (code != 0 && !error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            // slurmctld busy or restarting: the jobs are not lost, ask again at the next poll.
            if (DateTime.UtcNow - lastWarning > TimeSpan.FromMinutes(1))
                Console.WriteLine($"squeue failed ({error.Trim()}); asking again every {poll.TotalSeconds:F0} s");
            lastWarning = DateTime.UtcNow;
            return;
        }
        var states = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split('|'))
            .Where(f => f.Length == 3).ToDictionary(f => f[0], f => (State: f[1], Reason: f[2]));
        foreach (var (id, job) in jobs)
            job.End = states.TryGetValue(id, out var s) ? EndOf(id, s.State, s.Reason, ExitCode) : new JobEnd(true, $"Slurm job {id} is no longer in squeue");
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

    static string Reason(string reason) => reason is "None" or "" ? "" : $", reason {reason}";

    /// <summary>The exit code Slurm recorded (scontrol knows it while the job is still listed; sacct may be disabled).</summary>
    static string ExitCode(string id)
    {
        var (code, output, _) = ShortCommand.Run("scontrol", Patience, "show", "job", id, "-o");
        var field = output.Split(' ').FirstOrDefault(f => f.StartsWith("ExitCode=", StringComparison.Ordinal));
        return code == 0 && field is not null ? $", exit code {field[9..]}" : "";
    }

    sealed class SlurmJob(Launch launch, string id) : Job(launch)
    {
        public string Id { get; } = id;

        public override string Where => $"Slurm job {Id} ({Launch.Name})";
    }
}
