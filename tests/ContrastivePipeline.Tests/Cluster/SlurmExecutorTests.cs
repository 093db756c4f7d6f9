using System.Globalization;
using System.Text.RegularExpressions;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tests.TensorBoard;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Cluster;

/// <summary>
/// The smoke experiment through the Slurm executor on the one-node cluster of `.ci/slurm-cluster` (two CPUs, two fake
/// GPUs), the host in its own process as a user runs it.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed partial class SlurmExecutorTests : IDisposable
{
    internal static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    // One CPU per job, so the two-CPU node runs two at once; poll fast, a local disk needs no grace.
    internal static readonly string[] OnSlurm =
        ["--executor=slurm", "--jobs=4", "--resources_cpus=1", "--resources_memory=1G", "--slurm_poll=0.5", "--slurm_commitgrace=20"];

    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [SlurmFact]
    public void Smoke_CommitsEveryInstance_AsALocalRunDoes_GivesEachGpuJobItsOwnDevice_AndASecondRunSubmitsNothing()
    {
        var experiment = temp.File("smoke.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")) +
            "\nresources:\n  TrainFinal: {gpus: 1}\n  Score: {gpus: 1}\n");
        var (slurm, local) = (Path.Combine(temp.Path, "slurm"), Path.Combine(temp.Path, "local"));

        var (exit, output) = HostProcess.Run(slurm, [$"--experiment={experiment}", .. OnSlurm]);
        Assert.True(exit == 0, output);
        var (localExit, localOutput) = HostProcess.Run(local, $"--experiment={experiment}");
        Assert.True(localExit == 0, localOutput);

        AssertSound(slurm);
        AssertSameOutputs(Outputs(local), Outputs(slurm));
        // Each job writes its TensorBoard curves where the store is: speeds exist only in curves a running step wrote.
        var curves = Directory.EnumerateFiles(Path.Combine(slurm, "runs", "smoke", "tensorboard", "baseline-seed42"), "events.out.tfevents.*")
            .SelectMany(f => EventFileReader.Read(f)).SelectMany(e => e.Scalars).ToList();
        Assert.Contains(curves, c => c.Tag == "train/tokens_per_s");
        Assert.Equal(File.ReadAllText(Path.Combine(local, "runs", "smoke", "report.md")), File.ReadAllText(Path.Combine(slurm, "runs", "smoke", "report.md")));
        var jobs = JobIds(output);
        Assert.Equal(Complete(slurm).Count, jobs.Count);
        foreach (var script in Directory.GetFiles(Path.Combine(slurm, "specs"), "*.sbatch"))
        {
            Assert.Contains("#SBATCH --job-name=", File.ReadAllText(script));
            Assert.Contains("#SBATCH --requeue", File.ReadAllText(script));
        }

        // Jobs asking for a GPU that ran at the same time held different ones (and some did run at the same time).
        var gpuJobs = Directory.GetFiles(Path.Combine(slurm, "logs"), "*.log").Select(Attempt).Where(a => a is { Device.Length: > 0 }).Select(a => a!).ToList();
        Assert.Equal(7, gpuJobs.Count); // 3 TrainFinal + 4 Score (good and three arms); the report asks for no GPU
        var overlapping = gpuJobs.SelectMany(a => gpuJobs.Where(b => a != b && a.Started < b.Ended && b.Started < a.Ended), (a, b) => (a, b)).ToList();
        Assert.NotEmpty(overlapping);
        Assert.All(overlapping, pair => Assert.NotEqual(pair.a.Device, pair.b.Device));

        var (again, second) = HostProcess.Run(slurm, [$"--experiment={experiment}", .. OnSlurm]);
        Assert.True(again == 0, second);
        Assert.Contains(" 0 ran, ", second);
        Assert.Empty(JobIds(second));
    }

    [SlurmFact]
    public void AFailingStep_IsReportedWithItsJobIdStateAndLog()
    {
        temp.File("tasks/blimp_filtered/broken.jsonl", "{not json\n");
        var experiment = temp.File("broken.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")) +
            $"\nevaluate:\n  tasks: {Path.Combine(temp.Path, "tasks")}\n");

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), [$"--experiment={experiment}", .. OnSlurm]);

        Assert.Equal(1, exit);
        AssertClearError(output);
        var failure = output.Split('\n').First(l => l.StartsWith("error: Score/", StringComparison.Ordinal));
        Assert.Matches(@"Slurm job \d+ ended FAILED", failure);
        Assert.Contains("exit code 1:0", failure);
        // The cause, from the job's log: the host's console shows no job output under Slurm.
        Assert.Matches(@"its last error: error: Score/\S+: .*broken\.jsonl:1", failure);
        Assert.DoesNotContain("submitting it again", output); // our own error: not retried
        var log = LogPath().Match(failure).Groups[1].Value;
        Assert.Contains("broken.jsonl:1", File.ReadAllText(log));
        AssertSound(Path.Combine(temp.Path, "artifacts"));
    }

    [SlurmFact]
    public void ARequestTheClusterRefuses_FailsAtOnceWithSbatchsMessage()
    {
        var (exit, output) = HostProcess.Run(temp.Path, [Smoke, "--target=Corpus", .. OnSlurm, "--resources_cpus=4096"]);

        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.Contains("error: Corpus/corpus failed (sbatch refused it: sbatch: error: ", output);
        Assert.Contains("More processors requested than permitted", output);
        Assert.Contains("Corpus-", output); // the script, to read or submit by hand
        // Nothing ran, so no log is named (none was ever written).
        Assert.DoesNotContain("log:", output.Split('\n').First(l => l.StartsWith("error: Corpus/corpus", StringComparison.Ordinal)));
        Assert.Empty(Complete(temp.Path));
    }

    [SlurmFact]
    public void CtrlC_CancelsEveryJobTheHostSubmitted()
    {
        using var host = new HostProcess(temp.Path, null, [Smoke, .. OnSlurm]);
        host.WaitForLine("[TrainFinal/baseline-seed42] started: Slurm job", Limit);
        host.Signal("INT");

        Assert.Equal(130, host.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("Resume with the same command", host.Output);
        var ids = JobIds(host.Output);
        Assert.NotEmpty(ids);
        var (_, states) = ShellCommand.Exec("squeue", "-h", "-t", "all", "-j", string.Join(",", ids), "-o", "%i %T");
        Assert.DoesNotMatch("PENDING|RUNNING|CONFIGURING|COMPLETING", states);
        AssertSound(temp.Path);
    }

    [SlurmFact]
    public void APreemptedJob_SavesTheStepItIsIn_RunsAgain_ResumesFromThere_AndGivesTheBytesOfAnUndisturbedRun()
    {
        var experiment = temp.File("long.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")).Replace("steps: 40", "steps: 400"));
        var (slurm, local) = (Path.Combine(temp.Path, "slurm"), Path.Combine(temp.Path, "local"));
        string[] args = [$"--experiment={experiment}", "--target=TrainGood"];
        using var host = new HostProcess(slurm, null, [.. args, .. OnSlurm]);
        host.WaitForLine("[TrainGood/base] started: Slurm job", Limit);
        var id = JobIds(host.Output).Last();
        // A job's output is in its log (the host prints where); wait there for the checkpoint at step 20.
        var log = Path.Combine(slurm, "logs", Path.GetFileName(Regex.Match(host.Output, @"log (\S+Train-\S+\.log)").Groups[1].Value));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("step 20/400", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < Limit, $"no step 20 in {log}");
            Thread.Sleep(50);
        }

        // What preemption does: the job is killed and queued again; Slurm holds a requeued job two minutes, released here.
        Assert.Equal(0, ShellCommand.Exec("scontrol", "requeue", id).Code);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (ShellCommand.Exec("scontrol", "update", $"JobId={id}", "StartTime=now").Code != 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(500);

        Assert.True(host.WaitForExit(Limit) == 0, host.Output);
        // The host says so: the requeue with its job id and restart count, then the job's new start.
        Assert.Contains($"[TrainGood/base] requeued: Slurm job {id}, restart 1 (", host.Output);
        Assert.Contains($"[TrainGood/base] started again: Slurm job {id} on ", host.Output);
        var text = File.ReadAllText(log);
        var restart = text.IndexOf("restart 1", StringComparison.Ordinal);
        // The requeue's SIGTERM made the step save the step it was in and stop (not wait for its next scheduled
        // checkpoint); the second attempt goes on from exactly there, having lost at most the step in flight.
        var stopped = Regex.Match(text[..restart], @"SIGTERM: stopped after step (\d+) of 400");
        Assert.True(stopped.Success, text);
        var stoppedAt = int.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(stoppedAt >= 20, stopped.Value);
        var again = text[restart..];
        Assert.Matches($@"resumed from \S+/checkpoints/step_{stoppedAt:D6} \(step {stoppedAt} of 400\)", again);
        var first = again.Split('\n').First(l => l.Contains("/400 |", StringComparison.Ordinal));
        Assert.Equal(stoppedAt + 1, int.Parse(ProgressStep().Match(first).Groups[1].Value, CultureInfo.InvariantCulture));
        var (localExit, localOutput) = HostProcess.Run(local, args);
        Assert.True(localExit == 0, localOutput);
        AssertSound(slurm);
        AssertSameOutputs(Outputs(local, "long"), Outputs(slurm, "long"));
    }

    [SlurmFact]
    public void AJobOverItsMemory_IsSubmittedAgainWithTwiceTheMemory_AndSucceeds()
    {
        var experiment = temp.File("smoke.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")) +
            "\nresources:\n  TrainGood: {memory: 100M}\n");

        var (exit, output) = HostProcess.Run(temp.Path, [$"--experiment={experiment}", "--target=TrainGood", .. OnSlurm, "--retries=3"]);

        Assert.True(exit == 0, output);
        Assert.Contains("out of memory: --mem=200M (was 100M): submitting it again, retry 1 of --retries=3", output);
        Assert.Contains("#SBATCH --mem=", File.ReadAllText(Directory.GetFiles(Path.Combine(temp.Path, "specs"), "Train-*.sbatch").Single()));
        Assert.Contains(Complete(temp.Path), m => m.Step == "Train");
        AssertSound(temp.Path);
    }

    /// <summary>One job's attempt from its log: the header and footer lines the sbatch script writes.</summary>
    sealed record GpuAttempt(string Device, double Started, double Ended);

    static GpuAttempt? Attempt(string log)
    {
        var text = File.ReadAllText(log);
        var start = Header().Match(text);
        var end = Footer().Match(text);
        return start.Success && end.Success
            ? new(start.Groups[1].Value, double.Parse(start.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(end.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;
    }

    static List<string> JobIds(string output) => [.. JobStarted().Matches(output).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"submitted: Slurm job (\d+)")]
    private static partial Regex JobStarted();

    [GeneratedRegex(@"CUDA_VISIBLE_DEVICES=(\S*), started ([\d.]+)")]
    private static partial Regex Header();

    [GeneratedRegex(@"=== exit code \d+, ended ([\d.]+)")]
    private static partial Regex Footer();

    [GeneratedRegex(@"step (\d+)/400")]
    private static partial Regex ProgressStep();

    [GeneratedRegex(@"log: (\S+)\. Nothing")]
    private static partial Regex LogPath();
}
