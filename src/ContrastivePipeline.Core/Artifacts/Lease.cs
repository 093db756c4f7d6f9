namespace ContrastivePipeline.Artifacts;

/// <summary>
/// A lease on a key, <c>&lt;key&gt;.lease</c>: created only if absent (O_EXCL, atomic on local filesystems and NFSv3+),
/// renewed by its holder every quarter of its duration, deleted when released. The holder keeps the file open and
/// renews through that handle, so a renewal never touches a newer lease at the same path; it then reads the path back,
/// and a lease that is not its own any more (broken after a stall longer than the lease) is <see cref="Lost"/>.
/// </summary>
internal sealed class Lease : IDisposable
{
    // EEXIST as .NET reports it on Linux (the raw errno), and the Windows ERROR_FILE_EXISTS.
    const int Exists = 17, FileExists = unchecked((int)0x80070050);

    readonly string path;
    readonly FileStream stream;
    readonly Action<string> log;
    readonly Action? onLost;
    readonly Timer timer;
    readonly Lock gate = new();
    LeaseRecord record;
    bool lost, released;

    Lease(string path, FileStream stream, LeaseRecord record, Action<string> log, Action? onLost)
    {
        (this.path, this.stream, this.record, this.log, this.onLost) = (path, stream, record, log, onLost);
        var every = TimeSpan.FromSeconds(record.Seconds / 4);
        timer = new Timer(_ => Renew(), null, every, every);
    }

    public LeaseRecord Record => record;

    /// <summary>Takes the lease if nobody holds it; null when a lease is already there.</summary>
    /// <param name="onLost">Called when a renewal finds the lease broken (see <see cref="LockOptions.OnLost"/>).</param>
    public static Lease? TryTake(string path, LockHolder holder, TimeSpan duration, Action<string> log, Action? onLost = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException e) when (e.HResult is Exists or FileExists)
        {
            return null;
        }
        var record = new LeaseRecord(holder, Guid.NewGuid().ToString("N"), LocalProcess.StartTime(holder.Pid),
            duration.TotalSeconds, DateTimeOffset.UtcNow);
        try
        {
            Write(stream, record);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
        return new Lease(path, stream, record, log, onLost);
    }

    /// <summary>
    /// Deletes the lease a waiter judged dead, if it is still that lease, unrenewed. Waiters break one at a time, each
    /// under <c>&lt;key&gt;.lease.breaking</c> (created O_EXCL), so none can delete a lease another has just taken.
    /// </summary>
    public static bool Break(string path, LeaseSeen judged, Func<DateTimeOffset> now, TimeSpan stale)
    {
        var breaking = path + ".breaking";
        try
        {
            using var mutex = new FileStream(breaking, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                if (LeaseSeen.Look(path) is not { } current || current != judged)
                    return false; // broken by another waiter meanwhile, or renewed
                File.Delete(path);
                return true;
            }
            finally
            {
                File.Delete(breaking);
            }
        }
        catch (IOException e) when (e.HResult is Exists or FileExists)
        {
            // Another waiter is breaking it; a waiter that died doing so left this file, which goes after a lease.
            try
            {
                using var left = File.OpenHandle(breaking, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (now() - File.GetLastWriteTimeUtc(left) > stale)
                    File.Delete(breaking);
            }
            catch (FileNotFoundException)
            {
            }
            return false;
        }
    }

    /// <summary>Whether another run has broken this lease: checked now, at the path, so it is current at a commit.</summary>
    public bool Lost
    {
        get
        {
            lock (gate)
                return !StillOurs();
        }
    }

    void Renew()
    {
        lock (gate)
        {
            if (released || lost)
                return;
            try
            {
                record = record with { RenewedAt = DateTimeOffset.UtcNow };
                Write(stream, record);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file server that does not answer now (the next renewal tries again), or, on NFS, a lease another
                // host deleted (a stale handle): the check below tells which.
            }
            try
            {
                if (!StillOurs())
                    onLost?.Invoke();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unknown for now: the next renewal checks again, and the commit checks Lost.
            }
        }
    }

    bool IsOurs() => LeaseSeen.Look(path)?.Record?.Token == record.Token;

    /// <summary>Checks the lease at the path; says once, when it finds it, that the lease is lost.</summary>
    bool StillOurs()
    {
        if (lost || IsOurs())
            return !lost;
        lost = true;
        log($"lost the lease {path}: another run broke it (this run stalled for longer than the lease, " +
            $"{record.Seconds:F0} s); this run will not commit its result");
        return false;
    }

    static void Write(FileStream stream, LeaseRecord record)
    {
        var bytes = record.ToBytes();
        stream.Position = 0;
        stream.Write(bytes);
        stream.SetLength(bytes.Length);
        stream.Flush(flushToDisk: true); // the server stamps the write, which is what waiters read as the renewal
    }

    /// <summary>Stops renewing, and deletes the lease if it is still this one.</summary>
    public void Dispose()
    {
        timer.Dispose();
        lock (gate)
        {
            if (released)
                return;
            released = true;
            try
            {
                if (!lost && IsOurs())
                    File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file server that does not answer: the lease is left to expire, as a dead holder's would.
            }
            finally
            {
                stream.Dispose();
            }
        }
    }
}
