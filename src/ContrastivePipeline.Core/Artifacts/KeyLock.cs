using System.Diagnostics;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// A per-key lock file (created exclusively) so two runs never produce the same key at once. The second waits. A lock
/// left by a dead process on this host is stale: it is broken and logged.
/// </summary>
public sealed class KeyLock : IDisposable
{
    readonly string path;
    readonly FileStream stream;

    KeyLock(string path, FileStream stream) => (this.path, this.stream) = (path, stream);

    public static KeyLock Acquire(string path, Action<string> log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waiting = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                using var self = Process.GetCurrentProcess();
                var owner = $"{Environment.ProcessId}\n{Environment.MachineName}\n{self.StartTime.ToUniversalTime().Ticks}\n";
                stream.Write(System.Text.Encoding.UTF8.GetBytes(owner));
                stream.Flush(flushToDisk: true);
                return new KeyLock(path, stream);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (IsStale(path, out var owner))
                {
                    log($"breaking stale lock {path} (owner {owner} is no longer running)");
                    TryDelete(path);
                    continue;
                }
                if (!waiting)
                    log($"waiting for {path}: another run (process {owner}) is producing this artifact");
                waiting = true;
                Thread.Sleep(500);
            }
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        TryDelete(path);
    }

    static bool IsStale(string path, out string owner)
    {
        owner = "?";
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return false;
        }
        if (lines.Length < 3 || !int.TryParse(lines[0], out var pid) || !long.TryParse(lines[2], out var started))
            return File.GetLastWriteTimeUtc(path) < DateTime.UtcNow.AddSeconds(-5); // half-written by a killed process
        owner = $"{pid} on {lines[1]}";
        if (lines[1] != Environment.MachineName)
            return false; // another host: we cannot tell, so we wait
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != started;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
