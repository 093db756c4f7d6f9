using System.Diagnostics;

namespace ContrastivePipeline.Tests.Support;

/// <summary>The processes of this machine whose command line mentions a text (an artifact root), from /proc.</summary>
internal static class Processes
{
    public static List<string> Mentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out var pid) && pid != Environment.ProcessId)
            .Select(d => (Pid: Path.GetFileName(d), CommandLine: Read(Path.Combine(d, "cmdline"))))
            .Where(p => p.CommandLine.Contains(text, StringComparison.Ordinal))
            .Select(p => $"{p.Pid}: {p.CommandLine}")];

    /// <summary>Waits up to <paramref name="limit"/> for every such process to end; returns those left.</summary>
    public static List<string> WaitUntilNoneMention(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var left = Mentioning(text);
        while (left.Count > 0 && clock.Elapsed < limit)
        {
            Thread.Sleep(100);
            left = Mentioning(text);
        }
        return left;
    }

    static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
