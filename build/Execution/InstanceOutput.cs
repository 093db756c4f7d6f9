namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// A running instance's output: every line to its log (<c>artifacts/logs/&lt;step&gt;-&lt;key&gt;.log</c>, appended, one
/// header per attempt) and to the console whole, prefixed by the instance, so concurrent instances never mix within a line.
/// </summary>
internal sealed class InstanceOutput : IDisposable
{
    readonly StreamWriter log;
    readonly string prefix;
    readonly string stepPrefix;

    public InstanceOutput(Launch launch)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(launch.LogFile)!);
        log = new StreamWriter(new FileStream(launch.LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine($"=== {launch.Instance.Id} on {Environment.MachineName}, {DateTimeOffset.Now:u}");
        prefix = $"[{launch.Instance.Id}] ";
        stepPrefix = $"[{launch.Instance.Step}/{launch.Instance.Instance}] ";
    }

    public void Line(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
        // The step names itself by step ("[Train/baseline-seed1]"); on the console it goes by its task, like the plan.
        Console.WriteLine(prefix + (line.StartsWith(stepPrefix, StringComparison.Ordinal) ? line[stepPrefix.Length..] : line));
    }

    public void Dispose()
    {
        lock (log)
            log.Dispose();
    }
}
