using ContrastivePipeline.Build.Execution;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Tests.Build.Execution;

/// <summary>Which ends of a Slurm job are tried again, and with what: more memory or time, never for our own error.</summary>
public sealed class SlurmRetryTests
{
    static readonly Dictionary<string, string> Granted = new() { ["MinMemoryNode"] = "1000M", ["TimeLimit"] = "00:30:00" };

    [Theory]
    [InlineData("4G", 4096L)]
    [InlineData("500M", 500L)]
    [InlineData("1000", 1000L)]
    [InlineData("1.5G", 1536L)]
    [InlineData("2048K", 2L)]
    [InlineData("lots", null)]
    public void SlurmMemory_IsReadInMegabytes(string memory, long? megabytes) => Assert.Equal(megabytes, SlurmSize.Megabytes(memory));

    [Theory]
    [InlineData("90", "01:30:00")]
    [InlineData("10:30", "00:10:30")]
    [InlineData("04:00:00", "04:00:00")]
    [InlineData("2-00", "2-00:00:00")]
    [InlineData("1-12:30", "1-12:30:00")]
    [InlineData("1-00:00:05", "1-00:00:05")]
    public void SlurmTimes_AreReadInEveryFormSbatchTakes(string time, string written) => Assert.Equal(written, SlurmSize.Time(SlurmSize.Time(time)!.Value));

    [Fact]
    public void OutOfMemory_IsTriedWithTwiceTheMemory_UpToTheCap()
    {
        var retry = SlurmRetry.For("OUT_OF_MEMORY", "", new TaskResources { Memory = "4G" }, Granted, null, null);
        Assert.Equal(("8G", "out of memory: --mem=8G (was 4G)"), (retry?.Resources.Memory, retry?.Change));

        Assert.Equal("6G", SlurmRetry.For("OUT_OF_MEMORY", "", new TaskResources { Memory = "4G" }, Granted, "6G", null)?.Resources.Memory);
        Assert.Null(SlurmRetry.For("OUT_OF_MEMORY", "", new TaskResources { Memory = "6G" }, Granted, "6G", null));
        // Left to the cluster's default: twice what Slurm gave the job.
        Assert.Equal("2000M", SlurmRetry.For("OUT_OF_MEMORY", "", new TaskResources(), Granted, null, null)?.Resources.Memory);
    }

    [Fact]
    public void AJobSlurmKilledOverItsMemory_WithoutAnOutOfMemoryState_IsTriedWithMore()
    {
        var log = "step 3/40\nslurmstepd-vm: error: Exceeded job memory limit\nslurmstepd-vm: error: *** JOB 45 ON vm CANCELLED AT 2026-12-07T18:07:12 ***\n";
        Assert.Equal("200M", SlurmRetry.For("FAILED", log, new TaskResources { Memory = "100M" }, Granted, null, null)?.Resources.Memory);
    }

    [Fact]
    public void Timeout_IsTriedWithTwiceTheTime_UpToTheCap()
    {
        var retry = SlurmRetry.For("TIMEOUT", "", new TaskResources { Time = "04:00:00", Memory = "4G" }, Granted, null, null);
        Assert.Equal(("08:00:00", "4G", "out of time: --time=08:00:00 (was 04:00:00)"), (retry?.Resources.Time, retry?.Resources.Memory, retry?.Change));
        Assert.Equal("06:00:00", SlurmRetry.For("TIMEOUT", "", new TaskResources { Time = "04:00:00" }, Granted, null, "06:00:00")?.Resources.Time);
        Assert.Equal("01:00:00", SlurmRetry.For("TIMEOUT", "", new TaskResources(), Granted, null, null)?.Resources.Time);
    }

    [Theory]
    [InlineData("FAILED", "error: Score/good: tasks/x.jsonl:1: bad JSON")] // our own error: a bug does not improve by retrying
    [InlineData("FAILED", "Unhandled exception. System.InvalidOperationException: boom")]
    [InlineData("NODE_FAIL", "")] // requeued by Slurm itself, never ours to retry
    [InlineData("CANCELLED", "")]
    public void OtherEnds_AreNotTriedAgain(string state, string log) =>
        Assert.Null(SlurmRetry.For(state, log, new TaskResources { Memory = "4G", Time = "01:00:00" }, Granted, null, null));
}
