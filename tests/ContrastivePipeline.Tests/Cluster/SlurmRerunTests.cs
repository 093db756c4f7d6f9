using System.Text.RegularExpressions;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Cluster.SlurmExecutorTests;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Cluster;

/// <summary>
/// A host killed outright (SIGKILL, a lost login node) leaves its jobs queued or running; the next run adopts them
/// instead of submitting a second job per instance, which would hold an allocation while it waits on the lock.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmRerunTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [SlurmFact]
    public void ARerunAfterAKilledHost_AdoptsItsQueuedJob_InsteadOfSubmittingAnother()
    {
        // A job on both CPUs keeps the host's first job queued until it is cancelled.
        var blocker = Exec("sbatch", "--parsable", "--cpus-per-task=2", "--job-name=cp-test-blocker", "--output=/dev/null", "--wrap=sleep 600");
        try
        {
            string[] args = [Smoke, "--target=Corpus", .. OnSlurm];
            var id = SubmitThenKill(args, "[Corpus/corpus] submitted: Slurm job");
            Assert.Equal("PENDING", Exec("squeue", "-h", "-j", id, "-o", "%T"));

            using var second = new HostProcess(temp.Path, null, args);
            second.WaitForLine($"[Corpus/corpus] adopted: Slurm job {id} (Corpus-corpus), queued", Limit);
            Exec("scancel", blocker);

            Assert.True(second.WaitForExit(Limit) == 0, second.Output);
            Assert.Contains($"[Corpus/corpus] started: Slurm job {id} on ", second.Output);
            Assert.DoesNotContain("submitted:", second.Output);
            Assert.Single(Complete(temp.Path));
            AssertSound(temp.Path);
        }
        finally
        {
            ShellCommand.Exec("scancel", blocker);
        }
    }

    [SlurmFact]
    public void ARerunAfterAKilledHost_AdoptsItsRunningJob_WhichRunsOnce()
    {
        var experiment = temp.File("long.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")).Replace("steps: 40", "steps: 400"));
        var artifacts = Path.Combine(temp.Path, "artifacts");
        string[] args = [$"--experiment={experiment}", "--target=TrainGood", .. OnSlurm];
        var id = SubmitThenKill(args, "[TrainGood/base] started: Slurm job", artifacts);

        using var second = new HostProcess(artifacts, null, args);
        second.WaitForLine($"[TrainGood/base] adopted: Slurm job {id} (TrainGood-base), running", Limit);

        Assert.True(second.WaitForExit(Limit) == 0, second.Output);
        Assert.DoesNotContain("submitted:", second.Output);
        var log = Directory.GetFiles(Path.Combine(artifacts, "logs"), "Train-*.log").Single();
        Assert.Single(Regex.Matches(File.ReadAllText(log), @"=== TrainGood/base on "));
        AssertSound(artifacts);
    }

    /// <summary>Runs a host until it prints <paramref name="line"/> for a job, SIGKILLs it, and returns that job's id.</summary>
    string SubmitThenKill(string[] args, string line, string? artifacts = null)
    {
        using var first = new HostProcess(artifacts ?? temp.Path, null, args);
        first.WaitForLine(line, Limit);
        var id = Regex.Match(first.Output, Regex.Escape(line) + @" (\d+)").Groups[1].Value;
        first.Signal("KILL");
        Assert.Equal(137, first.WaitForExit(TimeSpan.FromMinutes(1)));
        return id;
    }

    static string Exec(string program, params string[] arguments)
    {
        var (code, output) = ShellCommand.Exec(program, arguments);
        Assert.True(code == 0, $"{program} {string.Join(' ', arguments)} failed ({code}): {output}");
        return output.Trim();
    }
}
