namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// The cause of a failure, from the end of a job's log: a Slurm job's output goes only there, not to the host's console
/// as a local child's does, so the host echoes its last error line beside the job's state.
/// </summary>
internal static class LogTail
{
    /// <summary>Enough of a log's end for its last error: a trace under the error line is a few kB.</summary>
    const int TailBytes = 64 * 1024;

    /// <summary>
    /// The last line that says an error (ours start <c>error:</c>, a bug's trace <c>Unhandled exception</c>, Slurm's own
    /// <c>slurmstepd: error:</c> on a time or memory limit); else the last line of output; null when there is none.
    /// </summary>
    public static string? LastError(string log)
    {
        // The sbatch script's own header and footer lines, and the step's cost line, say nothing about the cause.
        var output = Text(log).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("===", StringComparison.Ordinal) && StepCost.Parse(l) is null).ToList();
        return output.LastOrDefault(IsError) ?? output.LastOrDefault();
    }

    /// <summary>The log's last <see cref="TailBytes"/>; empty when it cannot be read (not written yet, or gone).</summary>
    public static string Text(string log)
    {
        try
        {
            using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.Seek(Math.Max(0, file.Length - TailBytes), SeekOrigin.Begin);
            return new StreamReader(file).ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // slurmstepd names itself with the node: "slurmstepd-node17: error: ...".
    static bool IsError(string line) =>
        line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal) ||
        (line.StartsWith("slurmstepd", StringComparison.Ordinal) && line.Contains(": error: ", StringComparison.Ordinal));
}
