using ContrastivePipeline.Build.Execution;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Execution;

/// <summary>What the host reads from squeue and a job's log, and says about a Slurm job as it goes (without a cluster).</summary>
public sealed class SlurmJobTests
{
    [Fact]
    public void SqueueRows_AreParsed_KeepingAScriptPathThatHoldsTheSeparator()
    {
        var rows = SlurmRow.Parse("17|PENDING|Resources|0||Corpus-corpus|/a/specs/Corpus-k.sbatch\n" +
            "18|RUNNING|None|2|node1|TrainFinal-baseline-seed42|/odd|path/Train-k.sbatch  \nnot a row\n");

        Assert.Equal([new SlurmRow("17", "PENDING", "Resources", 0, "", "Corpus-corpus", "/a/specs/Corpus-k.sbatch"),
            new SlurmRow("18", "RUNNING", "None", 2, "node1", "TrainFinal-baseline-seed42", "/odd|path/Train-k.sbatch")], rows);
    }

    [Fact]
    public void ASubmittedJob_IsSaidToStartWhenItRuns_NotWhenItIsQueued()
    {
        var job = new SlurmJob(Launch(), "17");
        Assert.False(job.Running);

        job.Observe(Row("PENDING", "Resources", 0));
        Assert.Empty(job.News);
        job.Observe(Row("RUNNING", "None", 0));
        job.Observe(Row("RUNNING", "None", 0));

        Assert.Equal(["started: Slurm job 17 on node1"], job.News);
    }

    [Fact]
    public void ARequeue_IsSaidWithJobIdReasonAndRestartCount_ThenTheNewStart()
    {
        var job = new SlurmJob(Launch(), "17");
        job.Observe(Row("RUNNING", "None", 0));
        job.Observe(Row("NODE_FAIL", "None", 0));
        job.Observe(Row("PENDING", "BeginTime", 1));
        // A requeue between two polls: the job runs again before the host looked; its restart count says so.
        job.Observe(Row("RUNNING", "None", 2));

        Assert.Equal(["started: Slurm job 17 on node1",
            "requeued: Slurm job 17, restart 1 (it had ended NODE_FAIL); it resumes from its partial folder",
            "requeued: Slurm job 17, restart 2 (now RUNNING; preempted, its node failed, or an administrator requeued it); it resumes from its partial folder",
            "started again: Slurm job 17 on node1, restart 2"], job.News);
    }

    [Fact]
    public void AnAdoptedJob_DoesNotRepeatWhatHappenedBeforeItWasAdopted()
    {
        var job = new SlurmJob(Launch(), "17", Row("RUNNING", "None", 1));
        job.Observe(Row("RUNNING", "None", 1));

        Assert.True(job.Running);
        Assert.Empty(job.News);
    }

    [Fact]
    public void ALogsLastError_IsTheLastErrorLine_ElseTheLastLineOfOutput_NeverTheScriptsFooterOrTheCostLine()
    {
        using var temp = new TempFolder();
        var failed = temp.File("failed.log", "=== Score/good on vm, Slurm job 3\nstep 1/40\nerror: Score/good: tasks/x.jsonl:1: bad JSON\n" +
            "   at nothing\n=== exit code 1, ended 17.5\n");
        var silent = temp.File("silent.log", "=== Train/base on vm\nstep 20/40 | loss 3.2\ncost: wall 1.0 s, CPU 1.5 s, max RSS 300.0 MB\n" +
            "=== exit code 75, ended 17.5\n");
        var killed = temp.File("killed.log", "step 20/40\nslurmstepd: error: *** JOB 4 ON vm CANCELLED AT 2026-12-07T17:00:00 DUE TO TIME LIMIT ***\n");

        Assert.Equal("error: Score/good: tasks/x.jsonl:1: bad JSON", LogTail.LastError(failed));
        Assert.Equal("step 20/40 | loss 3.2", LogTail.LastError(silent));
        Assert.StartsWith("slurmstepd: error: *** JOB 4", LogTail.LastError(killed));
        Assert.Null(LogTail.LastError(Path.Combine(temp.Path, "never-written.log")));
    }

    static SlurmRow Row(string state, string reason, int restarts) =>
        new("17", state, reason, restarts, state == "RUNNING" ? "node1" : "", "Train-base", "/a/specs/Train-k.sbatch");

    static Launch Launch() => new(null!, "/a/specs/Train-k.json", "/a/logs/Train-k.log", "cpu", 1, new TaskResources());
}
