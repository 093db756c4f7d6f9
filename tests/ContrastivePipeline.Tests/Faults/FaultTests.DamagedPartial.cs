using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>
/// A step killed as the OOM killer kills it (the step, not the host), then a file it would resume from damaged: the
/// rerun discards what is damaged, says so, and ends with the undisturbed bytes; nothing damaged is ever committed.
/// </summary>
public sealed partial class FaultTests
{
    /// <summary>
    /// A checkpoint's file flipped or cut short, or one character changed that still parses: a letter of the RNG state
    /// in <c>state.json</c>, a digit of the loss at step 15 in <c>metrics.jsonl</c> (kept by a resume from step 20, and
    /// from no earlier checkpoint).
    /// </summary>
    [Theory]
    [InlineData("model.bin", "flip", "model.bin does not match the hash its state.json recorded")]
    [InlineData("optimizer.bin", "flip", "optimizer.bin does not match the hash its state.json recorded")]
    [InlineData("model.bin", "truncate", "model.bin does not match the hash its state.json recorded")]
    [InlineData("state.json", "change", "its state.json does not match its seal")]
    [InlineData("metrics.jsonl", "change", "the lines of metrics.jsonl up to its step do not match the hash its state.json recorded")]
    public void DamagedCheckpointInAPartialRun_IsDiscarded_AndTheRerunEndsWithTheUndisturbedBytes(string file, string damage, string found)
    {
        var key = PlannedKey(temp.Path, "TrainGood", "Tokenize");
        var partial = new ArtifactStore(temp.Path).PartialFolder("Train", key);
        var checkpoint = Path.Combine(partial, "checkpoints", "step_000020");
        KillStepWhen(Smoke, "TrainGood", $"Train-{key}.json", () => Directory.Exists(checkpoint));
        // The smoke run's ten steps between checkpoints take milliseconds: on a loaded machine the kill can land after
        // step 30's checkpoint began, which a resume would read first. Removing it leaves the state of a kill right
        // after step 20's checkpoint, the moment this test is about.
        foreach (var later in Directory.GetDirectories(Path.GetDirectoryName(checkpoint)!).Where(d => string.CompareOrdinal(Path.GetFileName(d), "step_000020") > 0))
            Directory.Delete(later, recursive: true);
        var path = Path.Combine(file == "metrics.jsonl" ? partial : checkpoint, file);
        if (damage == "truncate")
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..1000]);
        else if (damage == "flip")
            FlipBytes(path, 1);
        else if (file == "state.json")
            ChangeCharacter(path, "\"rng_state\": \"", 40);
        else
            ChangeCharacter(path, "{\"step\":15,\"loss\":", 3);

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal);

        Assert.True(exit == 0, output);
        Assert.Contains($"checkpoint {checkpoint} is damaged ({found}): discarded it", output);
        Assert.Contains($"; resuming from {Path.Combine(partial, "checkpoints", "step_000010")}", output);
        AssertSound(temp.Path);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void ShardCountsChangedInAPartialRun_AreCaught_AndTheShardIsGeneratedAgain()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "GenerateAncestral", "GenerateAncestral");
        var partial = Unfinished("Generate", key, "corpus.txt", "stats.json");
        ChangeCharacter(Path.Combine(partial, "shards", "shard_0000.json"), "\"generated_tokens\": ", 0);

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal);

        Assert.True(exit == 0, output);
        Assert.Contains($"shard 0 in {Path.Combine(partial, "shards")} is damaged (shard_0000.json does not match its seal): " +
            "discarded it; generating it again", output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void DamagedGenerationShardInAPartialRun_IsGeneratedAgain_AndTheRerunEndsWithTheUndisturbedBytes()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "GenerateAncestral", "GenerateAncestral");
        // The partial folder of a run killed after its shard was finished (smoke.yaml writes one), the shard then damaged.
        var partial = Unfinished("Generate", key, "corpus.txt", "stats.json");
        FlipBytes(Path.Combine(partial, "shards", "shard_0000.txt"), 1);

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal);

        Assert.True(exit == 0, output);
        Assert.Contains($"shard 0 in {Path.Combine(partial, "shards")} is damaged (shard_0000.txt does not match the hash its " +
            "counts file recorded): discarded it; generating it again", output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void HalfWrittenFilesOfAKilledWriter_AreRemoved_AndTheRerunEndsWithTheUndisturbedBytes()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "GenerateAncestral", "GenerateAncestral");
        // A run killed while it wrote its corpus, and an earlier attempt killed while it wrote a shard.
        var partial = Unfinished("Generate", key, "corpus.txt", "stats.json");
        File.WriteAllText(Path.Combine(partial, $"corpus.txt.4242.{Guid.NewGuid():N}.tmp"), "half a corpus");
        File.WriteAllText(Path.Combine(partial, "shards", $"shard_0000.txt.4241.{Guid.NewGuid():N}.tmp"), "half a shard");

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, UpToFinal);

        Assert.True(exit == 0, output);
        Assert.Contains($"removed 2 half-written file(s) a killed attempt left in {partial}", output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(undisturbed.Outputs, Outputs(temp.Path));
    }

    [Fact]
    public void DamagedEvaluationStepFolderInAPartialRun_IsEvaluatedAgain_AndTheRerunEndsWithTheUndisturbedBytes()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "Score", "Score");
        var expected = Outputs(temp.Path);
        // The partial folder of a run killed after it had scored its checkpoints, one of them then damaged.
        var partial = Unfinished("Score", key, "evaluation.json");
        var scored = Directory.GetDirectories(partial, "step_*").Order().First();
        FlipBytes(Directory.GetFiles(scored, "*", SearchOption.AllDirectories).Order().First(f => !f.EndsWith("hashes.json")), 1);

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, "--target=Score");

        Assert.True(exit == 0, output);
        Assert.Contains($"{scored} is damaged (", output);
        Assert.Contains($"discarded it; evaluating step {int.Parse(Path.GetFileName(scored)["step_".Length..])} again", output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(expected, Outputs(temp.Path));
    }

    /// <summary>
    /// Changes the character <paramref name="offset"/> places after <paramref name="marker"/> into another of its kind
    /// (digit for digit, letter for letter), so the file still parses and only a value differs.
    /// </summary>
    static void ChangeCharacter(string path, string marker, int offset)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{marker} is not in {path}:\n{text[..Math.Min(text.Length, 2000)]}");
        at += marker.Length + offset;
        var c = text[at];
        Assert.True(char.IsAsciiLetterOrDigit(c), $"{path}: '{c}' at {at} is neither a letter nor a digit");
        var changed = char.IsAsciiDigit(c) ? (char)('0' + (c - '0' + 1) % 10) : c == 'A' ? 'B' : 'A';
        File.WriteAllText(path, text[..at] + changed + text[(at + 1)..]);
    }

    [Fact]
    public void ScoringKilledAfterACheckpoint_ThenThatFolderDamaged_IsScoredAgain_AndTheRerunEndsWithTheUndisturbedBytes()
    {
        Copy(undisturbed.Root, temp.Path);
        var key = PlannedKey(temp.Path, "Score", "Score", instance: "baseline-seed42");
        var expected = Outputs(temp.Path);
        var partial = new ArtifactStore(temp.Path).PartialFolder("Score", key);
        var scored = Path.Combine(partial, "step_000010");
        // A forced rescoring killed as the OOM killer kills it, once its first checkpoint's folder is complete.
        KillStepWhen(Smoke, "Score", $"Score-{key}.json", () => File.Exists(Path.Combine(scored, PartHashesFile)), "--force=Score");
        FlipBytes(Directory.GetFiles(scored, "*", SearchOption.AllDirectories).Order().First(f => !f.EndsWith(PartHashesFile)), 1);

        var (exit, output) = HostProcess.Run(temp.Path, Smoke, "--target=Score");

        Assert.True(exit == 0, output);
        Assert.Contains($"{scored} is damaged (", output);
        Assert.Contains("discarded it; evaluating step 10 again", output);
        AssertSound(temp.Path, trashEmpty: false);
        AssertSameOutputs(expected, Outputs(temp.Path));
    }

    const string PartHashesFile = "hashes.json";

    /// <summary>
    /// Turns a complete artifact back into the partial folder a killed run leaves: no manifest, nor the files its step
    /// writes last (<paramref name="last"/>). Returns the partial folder.
    /// </summary>
    string Unfinished(string step, string key, params string[] last)
    {
        var store = new ArtifactStore(temp.Path);
        var partial = store.PartialFolder(step, key);
        Directory.Move(store.Folder(step, key), partial);
        foreach (var file in last.Append(ArtifactStore.ManifestFile))
            File.Delete(Path.Combine(partial, file));
        return partial;
    }

    /// <summary>The key the plan gives an instance of <paramref name="task"/> in the smoke experiment, once its inputs exist.</summary>
    static string PlannedKey(string root, string task, string inputsUpTo, string[]? args = null, string? instance = null)
    {
        Assert.Equal(0, HostProcess.Run(root, Smoke, $"--target={inputsUpTo}").ExitCode);
        var planFile = Path.Combine(root, "plan.json");
        Assert.Equal(0, HostProcess.Run(root, [Smoke, $"--target={task}", "--dryrun", $"--plan={planFile}", .. args ?? []]).ExitCode);
        return Json.Read<List<PlanEntry>>(planFile).First(e => e.Task == task && (instance is null || e.Instance == instance)).Key;
    }

    /// <summary>
    /// Runs the host up to <paramref name="target"/> and kills (SIGKILL) the step whose spec is <paramref name="spec"/>
    /// (<c>&lt;Step&gt;-&lt;key&gt;.json</c>) as soon as <paramref name="ready"/> holds; the host then fails that
    /// instance. Returns the host's output. A loaded machine can pause this thread for longer than the smoke step has
    /// left to run, so the step may finish and commit before the kill: then its artifact is removed and the run tried again.
    /// </summary>
    string KillStepWhen(string experiment, string target, string spec, Func<bool> ready, params string[] args)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (TryKillStepWhen(experiment, target, spec, ready, args) is { } output)
                return output;
            Assert.True(attempt < 3, $"the step of {spec} finished before it could be killed, {attempt} times");
            var name = Path.GetFileNameWithoutExtension(spec);
            var folder = new ArtifactStore(temp.Path).Folder(name[..name.IndexOf('-')], name[(name.IndexOf('-') + 1)..]);
            Assert.True(Directory.Exists(folder), $"{spec}: the host succeeded, yet {folder} is not committed");
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One try of <see cref="KillStepWhen"/>: null when the step ran to its end (the host succeeded) before the kill.</summary>
    string? TryKillStepWhen(string experiment, string target, string spec, Func<bool> ready, string[] args)
    {
        using var host = new HostProcess(temp.Path, null, [experiment, $"--target={target}", .. args]);
        var clock = Stopwatch.StartNew();
        int? pid = null;
        while (clock.Elapsed < Limit && !host.HasExited)
        {
            // The step's process is found before the moment comes, so that it is killed at once when it does. By its
            // spec's whole path: another test's run of the same smoke instance has the same key, under another root
            // (CI once killed the Slurm test's TrainGood this way).
            pid ??= Processes.Mentioning(Path.Combine(temp.Path, "specs", spec)).Select(p => int.Parse(p[..p.IndexOf(':')])).Cast<int?>().FirstOrDefault();
            if (pid is not null && ready())
                break;
            Thread.Sleep(pid is null ? 50 : 2);
        }
        if (pid is null || !ready())
        {
            Assert.True(host.HasExited && host.WaitForExit(Limit) == 0, $"the step of {spec} never reached the moment to kill it:\n" + host.Output);
            return null;
        }
        try
        {
            using var step = Process.GetProcessById(pid.Value);
            step.Kill();
        }
        catch (ArgumentException)
        {
            // Gone already: it ran to its end, or failed, which the host's exit code tells.
        }
        var exit = host.WaitForExit(Limit);
        if (exit == 0)
            return null;
        Assert.True(exit == 1, host.Output);
        Assert.Contains($"{target}/", host.Output);
        return host.Output;
    }
}
