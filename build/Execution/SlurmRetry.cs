using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// A job that ran out of memory or time may do with more: twice the memory, or twice the time, up to the caps of
/// cake.config's <c>[Slurm] MaxMemory</c> and <c>MaxTime</c>. Any other end (our own step's error above all) gets no
/// retry: a bug does not improve by running again.
/// </summary>
internal static class SlurmRetry
{
    /// <summary>Slurm's own words in a job's log when it killed the job over its memory (no cgroups: no OUT_OF_MEMORY state).</summary>
    static readonly string[] OverMemory = ["Exceeded job memory limit", "oom-kill", "oom_kill"];

    /// <summary>The resources to try again with, and the one line that says what changed; null when a retry would not help.</summary>
    /// <param name="granted">What Slurm gave the job (<c>scontrol show job</c>'s MinMemoryNode, TimeLimit), for values the task left to the cluster's default.</param>
    /// <param name="log">The end of the job's log.</param>
    public static (TaskResources Resources, string Change)? For(string state, string log, TaskResources asked,
        IReadOnlyDictionary<string, string> granted, string? maxMemory, string? maxTime)
    {
        if (state == "OUT_OF_MEMORY" || (EndedBySlurm(state) && OverMemory.Any(log.Contains)))
        {
            var was = asked.Memory ?? granted.GetValueOrDefault("MinMemoryNode");
            if (SlurmSize.Megabytes(was) is not { } megabytes)
                return null;
            var doubled = Math.Min(megabytes * 2, SlurmSize.Megabytes(maxMemory) ?? long.MaxValue);
            return doubled <= megabytes ? null
                : (asked with { Memory = SlurmSize.Memory(doubled) }, $"out of memory: --mem={SlurmSize.Memory(doubled)} (was {was})");
        }
        if (state == "TIMEOUT")
        {
            var was = asked.Time ?? granted.GetValueOrDefault("TimeLimit");
            if (SlurmSize.Time(was) is not { } time)
                return null;
            var doubled = SlurmSize.Time(maxTime) is { } cap && cap < time * 2 ? cap : time * 2;
            return doubled <= time ? null
                : (asked with { Time = SlurmSize.Time(doubled) }, $"out of time: --time={SlurmSize.Time(doubled)} (was {was})");
        }
        return null;
    }

    /// <summary>States in which Slurm itself ended a job (our step exits FAILED with its own error too, but says so in its log).</summary>
    static bool EndedBySlurm(string state) => state is "FAILED" or "CANCELLED";
}
