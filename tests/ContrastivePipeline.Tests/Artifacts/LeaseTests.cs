using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Support.Threads;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class LeaseTests
{
    static readonly LockOptions Here = new() { Host = "node-a", SlurmJob = null, SlurmJobAlive = _ => null };

    [Fact]
    public void TryTake_WhileALeaseIsThere_GetsNothing_AndReleaseDeletesOnlyItsOwn()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lease");
        var holder = new LockHolder(Environment.ProcessId, "node-a", DateTimeOffset.UtcNow, null);

        using (var first = Lease.TryTake(path, holder, TimeSpan.FromSeconds(60), _ => { }))
        {
            Assert.NotNull(first);
            Assert.Null(Lease.TryTake(path, holder, TimeSpan.FromSeconds(60), _ => { }));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Break_ManyWaitersJudgingOneDeadLeaseAtOnce_LetsExactlyOneTakeIt()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lease");
        const int Waiters = 6;
        for (var round = 0; round < 40; round++)
        {
            File.WriteAllBytes(path, new LeaseRecord(new LockHolder(4242, "node-17", DateTimeOffset.UtcNow, null), "dead",
                null, 60, DateTimeOffset.UtcNow).ToBytes());
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
            var taken = AllAtOnce(Waiters, i =>
            {
                var options = Here with { Host = $"node-{i}" };
                var holder = new LockHolder(Environment.ProcessId, options.Host, DateTimeOffset.UtcNow, null);
                // As KeyLock.Acquire does, without the OS lock: hosts whose flock the filesystem does not share.
                if (LeaseSeen.Look(path) is { } seen && HolderCheck.WhyGone(seen, options, () => FileSystemClock.Now(temp.Path)) is not null)
                    Lease.Break(path, seen, () => FileSystemClock.Now(temp.Path), options.Lease);
                return Lease.TryTake(path, holder, TimeSpan.FromSeconds(60), _ => { });
            });

            var holders = taken.OfType<Lease>().ToList();
            Assert.Single(holders);
            Assert.False(holders[0].Lost);
            holders[0].Dispose();
            Assert.False(File.Exists(path + ".breaking"));
        }
    }

    [Fact]
    public void Break_ALeaseRenewedSinceItWasJudged_LeavesItAlone()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lease");
        using var lease = Lease.TryTake(path, new LockHolder(1, "node-b", DateTimeOffset.UtcNow, null), TimeSpan.FromSeconds(0.4), _ => { })!;
        var judged = LeaseSeen.Look(path)!;
        SpinWait.SpinUntil(() => LeaseSeen.Look(path) != judged, TimeSpan.FromSeconds(30));

        Assert.False(Lease.Break(path, judged, () => DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)));
        Assert.False(lease.Lost);
    }

    [Fact]
    public void Break_LeftBehindByAWaiterThatDied_IsClearedAfterALease()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lease");
        File.WriteAllBytes(path, []);
        var judged = LeaseSeen.Look(path)!;
        File.WriteAllText(path + ".breaking", "");
        File.SetLastWriteTimeUtc(path + ".breaking", DateTime.UtcNow.AddMinutes(-5));

        Assert.False(Lease.Break(path, judged, () => DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)));
        Assert.True(Lease.Break(path, judged, () => DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)));
    }
}
