namespace ContrastivePipeline.Build.Internal;

/// <summary>A launched instance as its launcher sees it: running until <see cref="End"/> is set.</summary>
internal abstract class Job(Launch launch)
{
    public Launch Launch { get; } = launch;

    /// <summary>How the job ended; null while it runs (or waits in a queue).</summary>
    public JobEnd? End { get; set; }

    /// <summary>Where it runs, for the line printed when it starts (e.g. "pid 4242", "Slurm job 17").</summary>
    public abstract string Where { get; }
}

/// <summary>
/// How a job ended. Success here only means the program said so: the manifest in the store decides.
/// <paramref name="Signaled"/>: it died of a signal (the host's Ctrl-C may have reached it first).
/// </summary>
internal sealed record JobEnd(bool Succeeded, string Description, bool Signaled = false);
