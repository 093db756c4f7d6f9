using System.Diagnostics;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class LocalProcessTests
{
    [Fact]
    public void IsAlive_ThisProcess_OnlyWithItsOwnStartTime()
    {
        var start = LocalProcess.StartTime(Environment.ProcessId);

        Assert.NotNull(start);
        Assert.True(LocalProcess.IsAlive(Environment.ProcessId, start));
        Assert.True(LocalProcess.IsAlive(Environment.ProcessId, null));
        Assert.False(LocalProcess.IsAlive(Environment.ProcessId, start + 1));
    }

    [Fact]
    public void IsAlive_AProcessThatEnded_IsFalse()
    {
        using var ended = Process.Start("true")!;
        ended.WaitForExit();

        Assert.False(LocalProcess.IsAlive(ended.Id, null));
    }
}
