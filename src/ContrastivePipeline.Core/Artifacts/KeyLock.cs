using System.Diagnostics;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// A per-key lock so two runs never produce the same key at once, also across hosts that share the store.
/// <para>Two locks, taken in order. The OS lock (flock, which .NET takes for <see cref="FileShare.None"/>) on
/// <c>&lt;key&gt;.lock</c> serialises the processes of one host and is released by the kernel when its holder dies; the
/// file is never deleted (a waiter would lock a file nobody else sees). But a shared filesystem may keep it per host
/// (NFS without lockd, Lustre or GPFS without flock) or keep a dead host's lock, so under it the holder also takes the
/// <see cref="Lease"/> <c>&lt;key&gt;.lease</c>: created only if absent, renewed every quarter of its duration, deleted on
/// release. A waiter that finds a lease judges its holder (<see cref="HolderCheck"/>): on this host by its process, on
/// another by the lease's age on the file server's clock (<see cref="FileSystemClock"/>), kept alive past that while
/// Slurm says the holder's job runs. A live holder makes it wait, saying who; a gone one's lease is broken with a
/// message and taken, even while the OS lock stays held by a dead host. A holder whose lease was broken (it stalled for
/// longer than the lease) is <see cref="Lost"/> and must not commit (<see cref="ThrowIfLost"/>).</para>
/// <para><c>&lt;key&gt;.lock.holder</c> says who holds the OS lock, for messages only.</para>
/// </summary>
public sealed class KeyLock : IDisposable
{
    // EWOULDBLOCK from flock, as .NET reports it on Linux (the raw errno), and the Windows sharing violation.
    const int WouldBlock = 11, SharingViolation = unchecked((int)0x80070020);
    static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);

    readonly string path;
    readonly FileStream? stream;
    readonly Lease lease;

    KeyLock(string path, FileStream? stream, Lease lease) => (this.path, this.stream, this.lease) = (path, stream, lease);

    public static string HolderFile(string path) => path + ".holder";

    public static string LeaseFile(string path) => Path.ChangeExtension(path, ".lease");

    /// <summary>Takes the lock, waiting while a live holder has it; says who it waits for, and for how long.</summary>
    /// <param name="timeout">How long to wait at most; null waits as long as the holder runs.</param>
    public static KeyLock Acquire(string path, Action<string> log, TimeSpan? timeout = null, LockOptions? options = null)
    {
        options ??= LockOptions.Default;
        if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" ||
            (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled))
            throw new InvalidOperationException("file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or " +
                "System.IO.DisableFileLocking), so two runs could write the same artifact at once: unset it");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // One question to Slurm per job per half minute, however many waiters poll it (SLURM.md: no query floods).
        options = options with { SlurmJobAlive = SlurmJobs.Remembered(options.SlurmJobAlive, TimeSpan.FromSeconds(30)) };
        var clock = Stopwatch.StartNew();
        TimeSpan nextReport = TimeSpan.Zero, nextLook = TimeSpan.Zero;
        LockHolder? leaseHolder = null;
        while (true)
        {
            var stream = TryLockFile(path); // null while another process (of a host that sees its lock) holds it
            // The lease is looked at once a second: judging another host's costs a write to the file server.
            if (clock.Elapsed >= nextLook)
            {
                nextLook = clock.Elapsed + LookEvery;
                if (TryTakeLease(path, mayTake: stream is not null, log, options, out leaseHolder) is { } lease)
                    return Hold(path, stream, lease, log);
            }
            stream?.Dispose();
            var holder = stream is null ? LockHolder.Read(HolderFile(path)) ?? leaseHolder : leaseHolder;
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

    /// <summary>
    /// Takes the lease when there is none (if <paramref name="mayTake"/>: this run holds the OS lock) or when it broke a
    /// gone holder's (then even without the OS lock); otherwise null, with the live lease's holder.
    /// </summary>
    static Lease? TryTakeLease(string path, bool mayTake, Action<string> log, LockOptions options, out LockHolder? holder)
    {
        var file = LeaseFile(path);
        holder = null;
        if (LeaseSeen.Look(file) is { } seen)
        {
            holder = seen.Record?.Holder;
            DateTimeOffset? now = null;
            DateTimeOffset Now() => now ??= FileSystemClock.Now(Path.GetDirectoryName(file)!);
            if (HolderCheck.WhyGone(seen, options, Now) is { } why && Lease.Break(file, seen, Now, options.Lease))
            {
                log($"breaking the lock on {path} held by {Describe(seen.Record)}: {why}");
                mayTake = true;
            }
        }
        return mayTake ? Lease.TryTake(file, LockHolder.Current(options), options.Lease, log, options.OnLost) : null;
    }

    /// <summary>Whether another run broke this run's lease: checked at the lease file now.</summary>
    public bool Lost => lease.Lost;

    /// <summary>Called right before a commit: a run whose lease was broken may have shared its key with another run.</summary>
    public void ThrowIfLost()
    {
        if (lease.Lost)
            throw new LockLostException(path, LeaseSeen.Look(LeaseFile(path))?.Record?.Holder, TimeSpan.FromSeconds(lease.Record.Seconds));
    }

    /// <summary>Releases the lease (if still this run's) and then the OS lock; the lock file stays.</summary>
    public void Dispose()
    {
        try
        {
            lease.Dispose();
        }
        finally
        {
            stream?.Dispose();
        }
    }

    static FileStream? TryLockFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult is WouldBlock or SharingViolation)
        {
            return null;
        }
    }

    static KeyLock Hold(string path, FileStream? stream, Lease lease, Action<string> log)
    {
        if (stream is null)
            log($"the OS lock on {path} stays held, by a host whose lease is gone: going on under the lease alone");
        try
        {
            Json.Write(HolderFile(path), lease.Record.Holder);
        }
        catch
        {
            lease.Dispose(); // a lock whose record could not be written (a full disk) is released at once
            stream?.Dispose();
            throw;
        }
        return new KeyLock(path, stream, lease);
    }

    static string Describe(LeaseRecord? lease) => lease?.Holder is { } h
        ? $"{h.Host} pid {h.Pid}{(h.SlurmJob is { } job ? $" (job {job})" : "")}"
        : "an unreadable lease";
}
