using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>A launched instance as its launcher sees it: running until <see cref="End"/> is set.</summary>
internal abstract class Job(Launch launch, bool running)
{
    public Launch Launch { get; } = launch;

    /// <summary>How the job ended; null while it runs (or waits in a queue).</summary>
    public JobEnd? End { get; set; }

    /// <summary>Where it runs, for the line printed when it starts (e.g. "pid 4242", "Slurm job 17").</summary>
    public abstract string Where { get; }

    /// <summary>Whether it runs now: a local child at once, a Slurm job once it has left the queue (and again after a requeue).</summary>
    public bool Running { get; protected set; } = running;

    /// <summary>What the user should read as it happens (started, requeued): found by the launcher's poll, printed by the scheduler.</summary>
    public Queue<string> News { get; } = new();
}

/// <summary>
/// How a job ended. Success here only means the program said so: the manifest in the store decides.
/// <paramref name="Signaled"/>: it died of a signal (the host's Ctrl-C may have reached it first). <paramref name="Again"/>:
/// it stopped on a signal after a checkpoint, to be started again (a local child; Slurm requeues a job itself).
/// <paramref name="Retry"/>: it ran out of memory or time, and these resources may do (the change, said in one line).
/// </summary>
internal sealed record JobEnd(bool Succeeded, string Description, bool Signaled = false, bool Again = false,
    (TaskResources Resources, string Change)? Retry = null);
