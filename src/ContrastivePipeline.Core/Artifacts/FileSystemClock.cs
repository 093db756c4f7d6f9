namespace ContrastivePipeline.Artifacts;

/// <summary>
/// The time by the clock that stamps files in a folder. A lease's age is this minus the time its last renewal was
/// stamped: both come from the same clock (the file server's, on NFS), so hosts whose clocks disagree still agree on it.
/// </summary>
internal static class FileSystemClock
{
    public static DateTimeOffset Now(string folder)
    {
        var probe = Path.Combine(folder, $".clock-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.WriteByte(0);
            stream.Flush(flushToDisk: true); // the server stamps the write when it gets it
            return File.GetLastWriteTimeUtc(stream.SafeFileHandle);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
