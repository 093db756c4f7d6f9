using System.Diagnostics;
using System.Text.RegularExpressions;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>
/// Faults as users meet them, through the whole host in its own process: two runs at once, a killed or interrupted host,
/// corrupted artifacts, a lock left by a dead host, a full disk, an unwritable root, another working directory, a
/// truncated checkpoint. Whatever happens, the store holds nothing wrong and a rerun ends with the undisturbed bytes.
/// </summary>
public sealed partial class FaultTests(UndisturbedRun undisturbed) : IClassFixture<UndisturbedRun>, IDisposable
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TwoRunsAtOnce_ProduceEveryKeyOnce_AndTheUndisturbedBytes()
    {
        using var first = new HostProcess(temp.Path, null, Smoke, UpToFinal);
        Thread.Sleep(1000);
        using var second = new HostProcess(temp.Path, null, Smoke, UpToFinal);
        Assert.True(first.WaitForExit(Limit) == 0, first.Output);
        Assert.True(second.WaitForExit(Limit) == 0, second.Output);

        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
        // Each key was computed by one run; the other found it made, maybe after waiting on the lock, and counts it as
        // cached, not as ran.
        Assert.Equal(Complete(temp.Path).Count, Ran(first.Output) + Ran(second.Output));
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void HostStoppedDuringTrainFinal_LeavesNoProcess_AndTheRerunEndsWithTheUndisturbedBytes(string signal)
    {
        using (var host = new HostProcess(temp.Path, null, Smoke, UpToFinal))
        {
            host.WaitForLine("[TrainFinal/baseline-seed42] checked", Limit);
            host.Signal(signal);
            var exit = host.WaitForExit(TimeSpan.FromMinutes(1));
            if (signal != "KILL")
            {
                Assert.Equal(signal == "INT" ? 130 : 143, exit);
                Assert.Contains($"interrupted by SIG{signal}", host.Output);
                Assert.Contains("; stopped TrainFinal/", host.Output);
                Assert.DoesNotContain("stopped stopped", host.Output);
                Assert.Contains("Resume with the same command", host.Output);
                Assert.DoesNotContain("   at ", host.Output);
                Assert.Contains("\"succeeded\": false", File.ReadAllText(Path.Combine(temp.Path, "runs", "smoke", "summary.json")));
            }
            Assert.Empty(Processes.WaitUntilNoneMention(temp.Path, TimeSpan.FromSeconds(30)));
        }
        AssertSound(temp.Path);

        var (rerun, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal);
        Assert.True(rerun == 0, output);
        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void CorruptedModelAndCorpus_FailClearlyWhenRead_AndVerifyRecomputesThem()
    {
        Copy(undisturbed.Root, temp.Path);
        var model = Path.Combine(temp.Path, "runs", "smoke", "TrainGood-base", "checkpoints", "step_000030", "model.bin");
        var corpus = Path.Combine(temp.Path, "runs", "smoke", "GenerateAncestral-ancestral", "corpus.txt");
        FlipBytes(model, 64);
        File.WriteAllBytes(corpus, File.ReadAllBytes(corpus)[..(int)(new FileInfo(corpus).Length / 2)]);

        var generate = HostProcess.Run(temp.Path, Smoke, UpToFinal, "--force=GenerateAncestral");
        Assert.Equal(1, generate.ExitCode);
        AssertClearError(generate.Output);
        Assert.Contains("step_000030/model.bin does not match the hash its manifest recorded", generate.Output);
        Assert.Contains("--verify", generate.Output);
        // The forced run stopped at its input check: it left no empty partial folder beside the complete artifact.
        Assert.Empty(Directory.GetDirectories(Path.Combine(temp.Path, "store"), "*.partial", SearchOption.AllDirectories));

        var mix = HostProcess.Run(temp.Path, Smoke, UpToFinal, "--force=Mix");
        Assert.Equal(1, mix.ExitCode);
        AssertClearError(mix.Output);
        Assert.Contains("corpus.txt does not match the hash its manifest recorded", mix.Output);

        var verify = HostProcess.Run(temp.Path, Smoke, UpToFinal, "--verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void LockHeldByADeadHostsProcess_EndsWithAClearErrorAtTheLockTimeout()
    {
        var planFile = Path.Combine(temp.Path, "plan.json");
        Assert.Equal(0, HostProcess.Run(temp.Path, Smoke, "--target=Corpus", "--dryrun", $"--plan={planFile}").ExitCode);
        var key = Json.Read<List<PlanEntry>>(planFile).Single().Key;
        // This process holds the lock, as a shared filesystem does for a host that died until it notices.
        var lockFile = new ArtifactStore(temp.Path).LockFile("Corpus", key);
        using var held = KeyLock.Acquire(lockFile, _ => { });
        Json.Write(KeyLock.HolderFile(lockFile), new LockHolder(4242, "node-17", DateTimeOffset.UtcNow, null));

        var clock = Stopwatch.StartNew();
        var (exit, output) = HostProcess.Run(temp.Path, Smoke, "--target=Corpus", "--lock-timeout=2");

        Assert.Equal(1, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the run did not end at the lock timeout");
        AssertClearError(output);
        Assert.Contains("gave up after 2 s", output);
        Assert.Contains("process 4242 on host node-17", output);
        Assert.Contains($"delete {lockFile}", output);
        Assert.Empty(Complete(temp.Path));
    }

    [RootFact]
    public void FullDisk_FailsWithAClearError_AndStoresNothingHalfWritten()
    {
        var disk = Directory.CreateDirectory(Path.Combine(temp.Path, "disk")).FullName;
        Assert.Equal(0, Command("mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", disk));
        try
        {
            var (exit, output) = HostProcess.Run(disk, Smoke, "--target=TrainGood");
            Assert.Equal(1, exit);
            AssertClearError(output);
            Assert.Contains("is full", output);
            AssertSound(disk);
            Assert.DoesNotContain(Complete(disk), m => m.Step == "Train");
        }
        finally
        {
            Command("umount", disk);
        }
    }

    [Theory]
    [InlineData("/proc/cp-artifacts")]
    [InlineData("a-file")]
    public void UnwritableArtifactRoot_FailsWithAClearError(string root)
    {
        if (root == "a-file")
            root = temp.File("a-file", "not a folder");
        var (exit, output) = HostProcess.Run(root, Smoke, "--target=Corpus");
        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.Contains($"the artifact root {root} is not a writable folder", output);
        // The advice once, not repeated by the general explanation of a disk fault.
        Assert.Single(Regex.Matches(output, "--paths_artifacts"));
    }

    [Fact]
    public void RunFromAnotherDirectory_FindsTheRepository_AndRunsTheExperimentNamedRelativeToIt()
    {
        var (exit, output) = HostProcess.RunIn(temp.Path, Path.Combine(temp.Path, "artifacts"),
            "--experiment=experiments/smoke.yaml", "--target=Corpus");
        Assert.True(exit == 0, output);
        Assert.Single(Complete(Path.Combine(temp.Path, "artifacts")));
    }

    [Theory]
    [InlineData("One short story about a dog.\n", "fewer than one training block")]
    [InlineData(null, "holds no document, so there is no seed prompt for generation; give at least 26 documents, or raise corpus.seed_fraction above 0.167")]
    public void CorpusTooSmall_FailsAtTheCorpusStep_SayingHowMuchTextIsNeeded(string? text, string expected)
    {
        // Enough training text for a block, but so few documents that the seed split is empty.
        text ??= string.Join("\n\n", Enumerable.Range(0, 3).Select(i => string.Join(" ", Enumerable.Repeat($"word{i}", 80)) + "."));
        var source = Path.Combine(temp.Path, "tiny");
        temp.File("tiny/story.txt", text);
        var experiment = temp.File("tiny.yaml", $"corpus:\n  source: {source}\nmodel:\n  context: 64\ngenerate:\n  new_tokens: 44\n");

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), $"--experiment={experiment}", "--target=TrainGood");

        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.Contains(expected, output);
        Assert.Contains("Corpus/corpus failed", output);
        // Into a pipe, as into a log file: one line per planned instance, not a table wrapped at 80 columns; no colour codes.
        Assert.Contains(output.Split('\n'), l => l.StartsWith("plan: TrainGood/base pending ", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", output);
        Assert.Empty(Complete(Path.Combine(temp.Path, "artifacts")));
    }

    static int Ran(string output) => int.Parse(RanCount().Match(output).Groups[1].Value);

    [GeneratedRegex(@"(\d+) ran, \d+ cached, 0 failed")]
    private static partial Regex RanCount();

    static void FlipBytes(string path, int count)
    {
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < count; i++)
            bytes[bytes.Length / 2 + i] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    static int Command(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        process.WaitForExit();
        return process.ExitCode;
    }
}
