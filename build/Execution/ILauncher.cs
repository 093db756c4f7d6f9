using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// Starts step instances and watches them: local child processes (<see cref="LocalLauncher"/>) or Slurm jobs
/// (<see cref="SlurmLauncher"/>). Nothing else in the host, the tasks or the step programs knows which one runs.
/// </summary>
internal interface ILauncher
{
    /// <summary>
    /// A job of this very instance that an earlier host left running or queued (killed outright, its jobs run on), for
    /// the scheduler to watch instead of starting a second one that would hold an allocation while it waits on the lock.
    /// </summary>
    Job? Adopt(Launch launch);

    /// <summary>Starts (or submits) one instance; a request the launcher refuses throws <see cref="StepFailedException"/> at once.</summary>
    Job Start(Launch launch);

    /// <summary>Sets <see cref="Job.End"/> of every job that has ended: one look for all of them (one squeue call on Slurm).</summary>
    void Poll(IReadOnlyCollection<Job> running);

    /// <summary>Stops the given jobs and waits until they are gone.</summary>
    void Cancel(IReadOnlyCollection<Job> running);

    /// <summary>
    /// The threads an instance gets, from its task's <paramref name="resources"/>, this machine's
    /// <paramref name="threads"/> and how many instances run on it at once (<paramref name="slots"/>).
    /// </summary>
    int Threads(TaskResources resources, int threads, DeviceSlots slots);

    /// <summary>What <c>--dryrun</c> says beyond the plan about how each task would be launched; nothing for a local run.</summary>
    void DescribeDryRun(IReadOnlyList<PlannedStep> plan, Func<string, int> threadsOf, Func<string, TaskResources> resources);

    /// <summary>How often the scheduler polls.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>How long a job that ended well may take to show its manifest (a shared filesystem lags behind the node).</summary>
    TimeSpan CommitGrace { get; }
}
