namespace ContrastivePipeline.Artifacts;

/// <summary>
/// A lease as a waiter found it: its record (null when unreadable: being written, or damaged) and the time the file
/// server last saw it written, which is what the holder's renewals move.
/// </summary>
internal sealed record LeaseSeen(LeaseRecord? Record, DateTimeOffset Modified)
{
    /// <summary>The lease at <paramref name="path"/>, or null when there is none.</summary>
    public static LeaseSeen? Look(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[Math.Min(stream.Length, 64 * 1024)];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            // Read through the open file: on NFS, opening revalidates the attributes a plain stat may serve from cache.
            return new(LeaseRecord.Parse(bytes.AsSpan(0, read)), File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
