namespace ContrastivePipeline.Build.Store;

/// <summary>Whether a live process holds a key's lock, asked without taking it for longer than the question (Status).</summary>
internal static class LockProbe
{
    // EWOULDBLOCK from flock, as .NET reports it on Linux, and the Windows sharing violation (as KeyLock).
    const int WouldBlock = 11, SharingViolation = unchecked((int)0x80070020);

    public static bool IsHeld(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException e) when (e.HResult is WouldBlock or SharingViolation)
        {
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
