namespace ContrastivePipeline.Build.Internal;

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
        string[] lines;
        try
        {
            using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.Seek(Math.Max(0, file.Length - TailBytes), SeekOrigin.Begin);
            lines = new StreamReader(file).ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The sbatch script's own header and footer lines say nothing about the cause.
        var output = lines.Where(l => !l.StartsWith("===", StringComparison.Ordinal)).ToList();
        return output.LastOrDefault(IsError) ?? output.LastOrDefault();
    }

    static bool IsError(string line) =>
        line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal) ||
        line.StartsWith("slurmstepd: error:", StringComparison.Ordinal);
}
