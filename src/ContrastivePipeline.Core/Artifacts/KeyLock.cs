using System.Diagnostics;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// A per-key lock so two runs never produce the same key at once. It is an advisory lock (flock, which .NET takes for
/// <see cref="FileShare.None"/>) on <c>&lt;key&gt;.lock</c>: the operating system releases it when its holder dies, so
/// no run ever guesses whether a holder is alive. Beside it, <c>&lt;key&gt;.lock.holder</c> says who holds it, for
/// messages only. The lock file is never deleted: deleting it would let a waiter lock a file nobody else sees.
/// </summary>
public sealed class KeyLock : IDisposable
{
    // EWOULDBLOCK from flock, as .NET reports it on Linux (the raw errno), and the Windows sharing violation.
    const int WouldBlock = 11, SharingViolation = unchecked((int)0x80070020);

    readonly FileStream stream;

    KeyLock(FileStream stream) => this.stream = stream;

    public static string HolderFile(string path) => path + ".holder";

    /// <summary>Takes the lock, waiting while another process holds it; says who it waits for, and for how long.</summary>
    /// <param name="timeout">How long to wait at most; null waits as long as the holder runs.</param>
    public static KeyLock Acquire(string path, Action<string> log, TimeSpan? timeout = null)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" ||
            (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled))
            throw new InvalidOperationException("file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or " +
                "System.IO.DisableFileLocking), so two runs could write the same artifact at once: unset it");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.Zero;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    Json.Write(HolderFile(path), LockHolder.Current());
                }
                catch
                {
                    stream.Dispose(); // a lock whose record could not be written (a full disk) is released at once
                    throw;
                }
                return new KeyLock(stream);
            }
            catch (IOException e) when (e.HResult is WouldBlock or SharingViolation)
            {
                var holder = LockHolder.Read(HolderFile(path));
                if (timeout is { } limit && clock.Elapsed >= limit)
                    throw new LockTimeoutException(path, holder, limit);
                if (clock.Elapsed >= nextReport)
                {
                    log($"waiting for {path}: held by {holder?.ToString() ?? "another process"} (waited {clock.Elapsed.TotalSeconds:F0} s" +
                        (timeout is { } t ? $" of --lock-timeout={t.TotalSeconds:F0})" : ")"));
                    nextReport = nextReport == TimeSpan.Zero ? TimeSpan.FromSeconds(30) : nextReport * 2;
                }
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Releases the lock (closing the file is what releases it); the files stay.</summary>
    public void Dispose() => stream.Dispose();
}
