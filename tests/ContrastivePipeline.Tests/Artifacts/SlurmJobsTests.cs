using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class SlurmJobsTests
{
    [Theory]
    [InlineData(0, "RUNNING\n", "", true)]
    [InlineData(0, "PENDING\n", "", true)]
    [InlineData(0, "COMPLETING\n", "", true)]
    [InlineData(0, "COMPLETED\n", "", false)]
    [InlineData(0, "NODE_FAIL\n", "", false)]
    [InlineData(0, "CANCELLED\n", "", false)]
    [InlineData(0, "", "", false)]
    [InlineData(1, "", "slurm_load_jobs error: Invalid job id specified", false)]
    [InlineData(1, "", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)", null)]
    public void Judge_WhatSqueueSaid_TellsWhetherTheJobHasEnded(int exit, string output, string error, bool? alive) =>
        Assert.Equal(alive, SlurmJobs.Judge(exit, output, error));

    [Fact]
    public void Remembered_AsksAboutEachJobOnlyOnceWithinItsKeep()
    {
        var asked = new List<string>();
        var probe = SlurmJobs.Remembered(job =>
        {
            asked.Add(job);
            return job == "1";
        }, TimeSpan.FromMinutes(10));

        Assert.True(probe("1"));
        Assert.True(probe("1"));
        Assert.False(probe("2"));
        Assert.Equal(["1", "2"], asked);
    }
}
