using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class KeyLockTests
{
    [Fact]
    public void Acquire_RecordOfADeadHolder_IsNoObstacle_BecauseTheSystemReleasedItsLock()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lock");
        Json.Write(KeyLock.HolderFile(path), new LockHolder(999_999, "other-host", DateTimeOffset.UtcNow, null));
        var log = new List<string>();

        using (KeyLock.Acquire(path, log.Add, TimeSpan.Zero))
            Assert.Equal(Environment.ProcessId, LockHolder.Read(KeyLock.HolderFile(path))!.Pid);
        Assert.Empty(log);
    }

    [Fact]
    public async Task Acquire_LockHeldByALiveRun_WaitsSayingWho_UntilItIsReleased()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lock");
        var first = KeyLock.Acquire(path, _ => { });
        var log = new List<string>();
        var second = Task.Run(() => KeyLock.Acquire(path, l => { lock (log) log.Add(l); }));

        await Task.Delay(700);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(log, l => l.Contains("waiting for") && l.Contains($"process {Environment.ProcessId} on host {Environment.MachineName}"));
    }

    [Fact]
    public void Acquire_HeldByAProcessThatDies_IsTakenAsSoonAsItIsGone()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lock");
        File.WriteAllText(path, "");
        using var holder = Process.Start("flock", ["--exclusive", path, "sleep", "60"]);
        Assert.Throws<LockTimeoutException>(() => WaitUntilHeld(path));
        holder.Kill(entireProcessTree: true); // flock(1) runs sleep holding the same lock
        holder.WaitForExit();

        using var acquired = KeyLock.Acquire(path, _ => { }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Acquire_HeldByAnotherHost_GivesUpAfterTheTimeout_SayingHowToClearIt()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "k.lock");
        using var held = KeyLock.Acquire(path, _ => { });
        Json.Write(KeyLock.HolderFile(path), new LockHolder(4242, "node-17", DateTimeOffset.UtcNow, "1234"));

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<LockTimeoutException>(() => KeyLock.Acquire(path, _ => { }, TimeSpan.FromSeconds(1)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the wait did not end at the timeout");
        Assert.Contains("process 4242 on host node-17 (Slurm job 1234)", error.Message);
        Assert.Contains($"delete {path}", error.Message);
        Assert.Contains("--lock-timeout", error.Message);
    }

    /// <summary>Throws LockTimeoutException once another process holds the lock (waits up to 10 s for it to take it).</summary>
    static void WaitUntilHeld(string path)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using (KeyLock.Acquire(path, _ => { }, TimeSpan.Zero))
                Thread.Sleep(50);
        }
    }
}
