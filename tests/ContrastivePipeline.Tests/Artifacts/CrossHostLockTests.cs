using System.Diagnostics;
using System.Text.RegularExpressions;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Support.Threads;

namespace ContrastivePipeline.Tests.Artifacts;

/// <summary>
/// KeyLock across hosts that share the store: the other hosts are host names injected through LockOptions, and their
/// leases are files written here, as a host whose flock the file server does not share would leave them.
/// </summary>
public sealed partial class CrossHostLockTests : IDisposable
{
    readonly TempFolder temp = new();
    readonly string path;
    readonly List<string> log = [];

    public CrossHostLockTests() => path = Path.Combine(temp.Path, "k.lock");

    public void Dispose() => temp.Dispose();

    void Log(string line)
    {
        lock (log)
            log.Add(line);
    }

    string[] Logged()
    {
        lock (log)
            return [.. log];
    }

    static LockOptions On(string host, double leaseSeconds = 60, Func<string, bool?>? slurm = null) => new()
    {
        Host = host,
        SlurmJob = null,
        Lease = TimeSpan.FromSeconds(leaseSeconds),
        SlurmJobAlive = slurm ?? (_ => null),
    };

    /// <summary>A lease as another holder left it, last renewed <paramref name="age"/> ago.</summary>
    void LeaveLease(LockHolder holder, TimeSpan age, long? processStart = null, double seconds = 60)
    {
        var lease = KeyLock.LeaseFile(path);
        File.WriteAllBytes(lease, new LeaseRecord(holder, "theirs", processStart, seconds, DateTimeOffset.UtcNow - age).ToBytes());
        File.SetLastWriteTimeUtc(lease, DateTime.UtcNow - age);
    }

    static LockHolder Other(string? job = null) => new(4242, "node-17", DateTimeOffset.UtcNow.AddHours(-1), job);

    [Fact]
    public void Acquire_FreshLeaseOfAnotherHost_WaitsAndGivesUpAtTheTimeout_NamingItsHolder()
    {
        LeaveLease(Other("1234"), TimeSpan.FromSeconds(5));

        var error = Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, Log, TimeSpan.FromSeconds(1), On("node-a")));

        Assert.Contains("process 4242 on host node-17 (Slurm job 1234)", error.Message);
        Assert.Contains(log, l => l.StartsWith($"waiting for {path}: held by process 4242 on host node-17", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("breaking"));
    }

    [Fact]
    public void Acquire_ExpiredLeaseOfAnotherHost_IsBrokenSayingWhy_AndTheLockTaken()
    {
        LeaveLease(Other(), TimeSpan.FromSeconds(153));

        using (var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a")))
        {
            var line = Assert.Single(log);
            var expired = ExpiredAgo().Match(line);
            Assert.True(expired.Success, line);
            Assert.StartsWith($"breaking the lock on {path} held by node-17 pid 4242: its lease expired", line);
            Assert.InRange(int.Parse(expired.Groups[1].Value), 90, 120);
            Assert.Equal("node-a", LeaseSeen.Look(KeyLock.LeaseFile(path))!.Record!.Holder.Host);
            Assert.False(held.Lost);
        }
        Assert.False(File.Exists(KeyLock.LeaseFile(path)));
    }

    [Fact]
    public void Acquire_OSLockAFileServerKeepsForADeadHost_IsBypassedOnceItsLeaseIsBroken()
    {
        using var lingering = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        LeaveLease(Other(), TimeSpan.FromMinutes(5));

        using var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a"));

        Assert.Contains(log, l => l.StartsWith($"breaking the lock on {path} held by node-17 pid 4242", StringComparison.Ordinal));
        Assert.Contains(log, l => l.EndsWith("going on under the lease alone", StringComparison.Ordinal));
        var error = Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, _ => { }, TimeSpan.Zero, On("node-a")));
        Assert.Contains($"process {Environment.ProcessId} on host node-a", error.Message);
    }

    [Fact]
    public void Acquire_OldLeaseOfASlurmJobThatRuns_IsRespected()
    {
        LeaveLease(Other("1234"), TimeSpan.FromMinutes(10));
        var asked = new List<string>();
        var options = On("node-a", slurm: job =>
        {
            lock (asked)
                asked.Add(job);
            return true;
        });

        var error = Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, Log, TimeSpan.FromSeconds(2), options));

        Assert.Contains("(Slurm job 1234)", error.Message);
        Assert.Equal("1234", Assert.Single(asked)); // looked at the lease each second; asked Slurm once
        Assert.DoesNotContain(log, l => l.Contains("breaking"));
    }

    [Fact]
    public void Acquire_OldLeaseOfASlurmJobThatEnded_IsBroken()
    {
        LeaveLease(Other("1234"), TimeSpan.FromMinutes(10));

        using var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a", slurm: _ => false));

        Assert.Contains(log, l => l.Contains("held by node-17 pid 4242 (job 1234): its lease expired") &&
            l.EndsWith("and Slurm job 1234 has ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Acquire_OldLeaseOfItsOwnSlurmJob_IsBroken_SoARequeuedJobDoesNotWaitForItself()
    {
        LeaveLease(Other("1234"), TimeSpan.FromMinutes(10));

        using var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a", slurm: _ => true) with { SlurmJob = "1234" });

        Assert.Contains(log, l => l.Contains("(job 1234): its lease expired"));
    }

    [Fact]
    public void Acquire_FreshLeaseOfAnEndedProcessOfThisHost_IsBrokenAtOnce()
    {
        using var ended = Process.Start("true")!;
        ended.WaitForExit();
        LeaveLease(new LockHolder(ended.Id, "node-a", DateTimeOffset.UtcNow, null), TimeSpan.Zero);

        using var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a"));

        Assert.Contains(log, l => l.EndsWith($"held by node-a pid {ended.Id}: its process has ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Acquire_LeaseOfAnEarlierProcessWithThisPid_IsBroken()
    {
        var start = LocalProcess.StartTime(Environment.ProcessId);
        Assert.NotNull(start);
        LeaveLease(new LockHolder(Environment.ProcessId, "node-a", DateTimeOffset.UtcNow, null), TimeSpan.Zero, start - 1);

        using var held = KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a"));

        Assert.Contains(log, l => l.EndsWith("its process has ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Acquire_LeaseOfALiveProcessOfThisHost_IsRespectedHoweverOld()
    {
        LeaveLease(new LockHolder(Environment.ProcessId, "node-a", DateTimeOffset.UtcNow, null), TimeSpan.FromHours(1),
            LocalProcess.StartTime(Environment.ProcessId));

        Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a")));
    }

    [Fact]
    public void Acquire_LeaseRenewedByItsHolder_OutlivesItsDuration()
    {
        using var held = KeyLock.Acquire(path, _ => { }, options: On("node-b", leaseSeconds: 2));
        var first = LeaseSeen.Look(KeyLock.LeaseFile(path))!.Modified;

        for (var i = 0; i < 6; i++)
        {
            Thread.Sleep(700);
            var error = Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, Log, TimeSpan.Zero, On("node-a", leaseSeconds: 2)));
            Assert.Contains("host node-b", error.Message);
        }

        Assert.True(LeaseSeen.Look(KeyLock.LeaseFile(path))!.Modified > first);
        Assert.DoesNotContain(log, l => l.Contains("breaking"));
        Assert.False(held.Lost);
    }

    [Fact]
    public void Acquire_WaitersOfManyHostsRacingForADeadLease_OnlyOneGetsIt()
    {
        const int Waiters = 4;
        for (var round = 0; round < 25; round++)
        {
            LeaveLease(Other(), TimeSpan.FromMinutes(5));
            lock (log)
                log.Clear();
            var got = AllAtOnce(Waiters, i =>
            {
                try
                {
                    return KeyLock.Acquire(path, Log, TimeSpan.Zero, On($"node-{i}"));
                }
                catch (LockTimeoutException)
                {
                    return null;
                }
            });

            var holders = got.OfType<KeyLock>().ToList();
            Assert.Single(holders);
            Assert.Single(Logged(), l => l.StartsWith("breaking", StringComparison.Ordinal));
            Assert.False(holders[0].Lost);
            holders[0].Dispose();
        }
    }

    [Fact]
    public void Renewal_AfterAnotherHostBrokeTheLease_SaysItIsLost_AndTheHolderNeitherCommitsNorDeletesTheNewLease()
    {
        using var lostSeen = new ManualResetEventSlim();
        var held = KeyLock.Acquire(path, Log, options: On("node-b", leaseSeconds: 1) with { OnLost = lostSeen.Set });
        var lease = KeyLock.LeaseFile(path);
        // What node-c does once node-b has stalled for longer than its lease.
        Assert.True(Lease.Break(lease, LeaseSeen.Look(lease)!, () => DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1)));
        using var theirs = Lease.TryTake(lease, new LockHolder(77, "node-c", DateTimeOffset.UtcNow, null), TimeSpan.FromSeconds(60), _ => { });
        Assert.NotNull(theirs);

        Assert.True(lostSeen.Wait(TimeSpan.FromSeconds(30)), "no renewal noticed the lease was broken");
        Assert.Contains(Logged(), l => l.StartsWith($"lost the lease {lease}: another run broke it", StringComparison.Ordinal));
        Assert.True(held.Lost);
        var error = Assert.Throws<LockLostException>(held.ThrowIfLost);
        Assert.Contains("(now held by process 77 on host node-c", error.Message);
        Assert.Contains("Nothing was committed", error.Message);

        held.Dispose();
        Assert.Equal("node-c", LeaseSeen.Look(lease)!.Record!.Holder.Host);
    }

    [GeneratedRegex(@"its lease expired (\d+) s ago")]
    private static partial Regex ExpiredAgo();
}
