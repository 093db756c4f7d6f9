using System.Diagnostics;

namespace ContrastivePipeline.Artifacts;

/// <summary>Asks Slurm whether a job still runs, for a lock whose holder names its job.</summary>
internal static class SlurmJobs
{
    // States of a job that has not ended (squeue's long names); anything else (COMPLETED, FAILED, CANCELLED, TIMEOUT,
    // NODE_FAIL, PREEMPTED, OUT_OF_MEMORY, ...) has, and so has a job squeue no longer knows.
    static readonly HashSet<string> NotEnded = ["PENDING", "RUNNING", "SUSPENDED", "COMPLETING", "CONFIGURING", "REQUEUED",
        "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD", "SPECIAL_EXIT"];

    /// <summary>Whether a job in this squeue state has ended for good (a requeued or suspended one has not).</summary>
    public static bool Ended(string state) => !NotEnded.Contains(state);

    /// <summary>True while the job has not ended, false once it has; null when there is no squeue here or it fails.</summary>
    public static bool? IsAlive(string job)
    {
        if (!OnPath("squeue"))
            return null;
        var (code, output, error) = ShortCommand.Run("squeue", TimeSpan.FromSeconds(20), "-h", "-j", job, "-o", "%T");
        return code is 124 or 127 ? null : Judge(code, output, error);
    }

    /// <summary>The probe, asked again about a job only once its last answer is older than <paramref name="keep"/>.</summary>
    public static Func<string, bool?> Remembered(Func<string, bool?> probe, TimeSpan keep)
    {
        var answers = new Dictionary<string, (bool? Alive, long At)>();
        return job =>
        {
            lock (answers)
            {
                if (!answers.TryGetValue(job, out var answer) || Stopwatch.GetElapsedTime(answer.At) > keep)
                    answers[job] = answer = (probe(job), Stopwatch.GetTimestamp());
                return answer.Alive;
            }
        };
    }

    /// <summary>What <c>squeue -h -j &lt;id&gt; -o %T</c> said about the job.</summary>
    internal static bool? Judge(int exitCode, string output, string error)
    {
        if (exitCode != 0) // a job purged from slurmctld's memory: "Invalid job id specified"; else Slurm did not answer
            return error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? false : null;
        var state = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return state.Any(NotEnded.Contains); // an array job has a line per task
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, program)));
}
