using System.Diagnostics;
using System.Globalization;

namespace ContrastivePipeline.Artifacts;

/// <summary>Whether a process of this host still runs, told apart from a later process given the same pid.</summary>
internal static class LocalProcess
{
    /// <summary>When the process started, in clock ticks since boot; null where there is no /proc (or no such process).</summary>
    public static long? StartTime(int pid) =>
        Stat(pid) is { } fields ? long.Parse(fields[19], CultureInfo.InvariantCulture) : null; // field 22: starttime

    public static bool IsAlive(int pid, long? startTime)
    {
        if (Directory.Exists("/proc/self"))
            return Stat(pid) is { } fields && fields[0] != "Z" && // a zombie has ended; only its parent has not noticed
                (startTime is null || long.Parse(fields[19], CultureInfo.InvariantCulture) == startTime);
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name, from the state on (field 3).</summary>
    static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may itself hold spaces and parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
