using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// A submitted (or adopted) Slurm job. Each poll's row tells it whether the job now runs and whether Slurm queued it
/// again (its restart count rose: preempted, a failed node, <c>scontrol requeue</c>); both are said as they are seen.
/// </summary>
internal sealed class SlurmJob : Job
{
    int restarts;
    string? lastState;

    /// <param name="seen">An adopted job's row: its earlier restarts are not news, and whether it runs is said at adoption.</param>
    public SlurmJob(Launch launch, string id, SlurmRow? seen = null) : base(launch, seen?.State == "RUNNING")
    {
        Id = id;
        restarts = seen?.Restarts ?? 0;
        lastState = seen?.State;
    }

    public string Id { get; }

    public override string Where => $"Slurm job {Id} ({Launch.Name})";

    public void Observe(SlurmRow row)
    {
        if (row.Restarts > restarts)
        {
            restarts = row.Restarts;
            Running = false;
            News.Enqueue($"requeued: Slurm job {Id}, restart {restarts} ({Why(row)}); it resumes from its partial folder");
        }
        if (row.State == "RUNNING" && !Running)
        {
            Running = true;
            News.Enqueue(restarts == 0 ? $"started: Slurm job {Id} on {row.Node}" : $"started again: Slurm job {Id} on {row.Node}, restart {restarts}");
        }
        lastState = row.State;
    }

    /// <summary>Why it was requeued, as far as squeue says: the end it had at the last poll, or why it waits now.</summary>
    string Why(SlurmRow row) =>
        lastState is { } state && SlurmJobs.Ended(state) && state != "COMPLETED" ? $"it had ended {state}"
        : lastState is "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" ? $"it was {lastState}"
        : row.Reason is not ("None" or "") ? $"now {row.State}, reason {row.Reason}"
        : $"now {row.State}; preempted, its node failed, or an administrator requeued it";
}
