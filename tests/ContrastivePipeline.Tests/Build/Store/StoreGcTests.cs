using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Faults;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Store;

/// <summary>Gc through the host, on a store the smoke experiment filled (with train.keep_checkpoints: read).</summary>
public sealed class StoreGcTests : IDisposable
{
    static readonly string Smoke = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml"));

    readonly TempFolder temp = new();
    readonly Pipeline pipeline;

    public StoreGcTests() => pipeline = new Pipeline(temp.Path);

    public void Dispose() => temp.Dispose();

    static string KeepRead => WithTrain("keep_checkpoints: read");

    static string WithTrain(string line)
    {
        Assert.Contains("  checkpoint_every: 10\n", Smoke);
        return Smoke.Replace("  checkpoint_every: 10\n", $"  checkpoint_every: 10\n  {line}\n");
    }

    int Gc(params string[] args) => PipelineHost.Run(["--target=Gc", $"--paths_artifacts={temp.Path}", .. args], Repo.Root);

    [Fact]
    public void Gc_KeepsWhatTheScopeReferences_DeletesAnOrphanADeadPartialAndTrash_AndASecondRunIsFullyCached()
    {
        var experiment = pipeline.Experiment("smoke", KeepRead);
        Assert.Equal(0, pipeline.Run(experiment).ExitCode);
        var store = new ArtifactStore(temp.Path);
        var complete = StoreState.Complete(temp.Path);
        var corpus = complete.Single(m => m.Step == "Corpus");
        var orphan = store.Folder("Corpus", new string('0', 32));
        CopyFolder(store.Folder("Corpus", corpus.Key), orphan);
        var partial = store.PartialFolder("Train", new string('1', 32));
        Directory.CreateDirectory(Path.Combine(partial, "checkpoints"));
        File.WriteAllText(Path.Combine(partial, "metrics.jsonl"), "{}\n");
        var trash = Path.Combine(temp.Path, "trash", "Train-old-replaced");
        Directory.CreateDirectory(trash);
        File.WriteAllText(Path.Combine(trash, "model.bin"), "old");
        // A run of a referenced key that was interrupted (say, by --force) left this: kept unless --partials.
        var resumable = store.PartialFolder("Corpus", corpus.Key);
        Directory.CreateDirectory(resumable);

        Assert.Equal(0, Gc("--dryrun", $"--scope={experiment}"));
        Assert.True(Directory.Exists(orphan) && Directory.Exists(partial) && Directory.Exists(trash), "--dryrun deleted something");
        Assert.Equal(0, Gc($"--scope={experiment}"));

        Assert.False(Directory.Exists(orphan));
        Assert.False(Directory.Exists(partial));
        Assert.False(Directory.Exists(trash));
        Assert.True(Directory.Exists(resumable), "Gc deleted a referenced key's partial folder without --partials");
        Assert.Equal(0, Gc($"--scope={experiment}", "--partials"));
        Assert.False(Directory.Exists(resumable));
        Assert.All(complete, m => Assert.True(File.Exists(Path.Combine(store.Folder(m.Step, m.Key), ArtifactStore.ManifestFile)),
            $"{m.Step}/{m.Instance} was deleted"));
        StoreState.AssertSound(temp.Path);
        var second = pipeline.Run(experiment);
        Assert.Equal(0, second.ExitCode);
        Assert.All(second.Plan, e => Assert.Equal(PlanEntry.Cached, e.Status));
    }

    [Fact]
    public void Retention_DropsUnreadCheckpointsAndOptimizerState_WithoutChangingTheContentDownstreamKeysHash()
    {
        var experiment = pipeline.Experiment("smoke", KeepRead);
        Assert.Equal(0, pipeline.Run(experiment, "--target=TrainGood").ExitCode);
        var run = StoreState.Complete(temp.Path).Single(m => m.Step == "Train");

        // GOOD is step 30 and the early BAD step 10: steps 20 and 40 go whole, the optimizer state of all.
        Assert.Equal(["checkpoints/step_000010/optimizer.bin", "checkpoints/step_000020/model.bin", "checkpoints/step_000020/optimizer.bin",
            "checkpoints/step_000020/state.json", "checkpoints/step_000030/optimizer.bin", "checkpoints/step_000040/model.bin",
            "checkpoints/step_000040/optimizer.bin", "checkpoints/step_000040/state.json"], run.Dropped);
        var folder = new ArtifactStore(temp.Path).Folder("Train", run.Key);
        Assert.All(run.Dropped!, f => Assert.False(File.Exists(Path.Combine(folder, f))));
        Assert.False(Directory.Exists(Path.Combine(folder, "checkpoints", "step_000020")));
        Assert.Contains("checkpoints/step_000020/model.bin", run.Outputs.Keys);

        // Kept in full, the same run has the same content: what downstream keys hash.
        var all = new Pipeline(Path.Combine(temp.Path, "all"));
        Assert.Equal(0, all.Run(all.Experiment("smoke", WithTrain("keep_optimizer: true")), "--target=TrainGood").ExitCode);
        var whole = StoreState.Complete(all.Artifacts).Single(m => m.Step == "Train");
        Assert.Equal(run.Key, whole.Key);
        Assert.Null(whole.Dropped);
        Assert.Equal(whole.Content(), run.Content());
    }

    [Fact]
    public void LoadingADroppedCheckpoint_IsAnErrorSayingHowToGetItBack_AndTheRetrainItNamesRerunsNothingElse()
    {
        Assert.Equal(0, pipeline.Run(pipeline.Experiment("smoke", KeepRead), "--target=TrainGood").ExitCode);
        var before = StoreState.Complete(temp.Path).Single(m => m.Step == "Train");
        var bad20 = pipeline.Experiment("bad20", KeepRead.Replace("  step: 10\n", "  step: 20\n"));

        var (exit, output) = HostProcess.Run(temp.Path, $"--experiment={bad20}", "--target=GenerateContrastive");
        Assert.Equal(1, exit);
        StoreState.AssertClearError(output);
        Assert.Contains("loads checkpoint step 20 of TrainGood/base", output);
        Assert.Contains("keep_checkpoints: all", output);
        Assert.Contains("--target=TrainGood --force=TrainGood", output);
        Assert.DoesNotContain("[Train/base]", output);

        var all = pipeline.Experiment("bad20", WithTrain("keep_checkpoints: all").Replace("  step: 10\n", "  step: 20\n"));
        Assert.Equal(0, pipeline.Run(all, "--target=TrainGood", "--force=TrainGood").ExitCode);
        var after = StoreState.Complete(temp.Path).Single(m => m.Step == "Train");
        Assert.Equal(before.Content(), after.Content());
        Assert.DoesNotContain("checkpoints/step_000020/model.bin", after.Dropped ?? []);
        var plan = pipeline.Run(all, "--dryrun", "--target=GenerateContrastive").Plan;
        Assert.Equal(PlanEntry.Cached, plan.Single(e => e.Task == "TrainGood").Status);
    }

    [Fact]
    public void Gc_NeverTouchesAnEntryUnderALiveLock_AndDeletesNothingWithoutAScope()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        var store = new ArtifactStore(temp.Path);
        var (orphanKey, partialKey) = (new string('2', 32), new string('3', 32));
        var orphan = store.Folder("Train", orphanKey);
        var partial = store.PartialFolder("Train", partialKey);
        foreach (var folder in new[] { orphan, partial })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "metrics.jsonl"), "{}\n");
        }

        Assert.Equal(2, Gc());
        Assert.True(Directory.Exists(orphan) && Directory.Exists(partial), "Gc without a scope deleted something");
        using (KeyLock.Acquire(store.LockFile("Train", orphanKey), _ => { }))
        using (KeyLock.Acquire(store.LockFile("Train", partialKey), _ => { }))
        {
            Assert.Equal(0, Gc($"--scope={experiment}"));
            Assert.True(Directory.Exists(orphan), "Gc deleted an artifact under a live lock");
            Assert.True(Directory.Exists(partial), "Gc deleted a partial folder under a live lock");
        }
        Assert.Equal(0, Gc($"--scope={experiment}"));
        Assert.False(Directory.Exists(orphan));
        Assert.False(Directory.Exists(partial));
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
