using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class KeyLockTests
{
    [Fact]
    public void Acquire_LockOfADeadProcess_IsBrokenAndLogged()
    {
        using var temp = new TempFolder();
        var dead = Process.Start("true")!;
        dead.WaitForExit();
        var path = temp.File("k.lock", $"{dead.Id}\n{Environment.MachineName}\n0\n");
        var log = new List<string>();

        using (KeyLock.Acquire(path, log.Add))
            Assert.Contains(log, l => l.Contains("breaking stale lock"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Acquire_LockHeldByALiveRun_WaitsUntilItIsReleased()
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
        Assert.Contains(log, l => l.Contains("waiting for"));
    }
}
