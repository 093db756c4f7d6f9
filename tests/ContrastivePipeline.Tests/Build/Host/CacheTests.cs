using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace ContrastivePipeline.Tests.Build.Host;

/// <summary>The content-addressed cache, end to end through the host and the step CLI.</summary>
public sealed class CacheTests : IDisposable
{
    static readonly string Smoke = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml"));

    readonly TempFolder temp = new();
    readonly Pipeline pipeline;

    public CacheTests() => pipeline = new Pipeline(temp.Path);

    public void Dispose() => temp.Dispose();

    /// <summary>The smoke experiment with one value changed; fails if the value is not there to change.</summary>
    static string Changed(string from, string to)
    {
        Assert.Contains(from, Smoke);
        return Smoke.Replace(from, to);
    }

    static string[] Targets => ["--target=" + ContrastivePipeline.Build.Arguments.DefaultTarget];

    // The tests that change or damage something need only the first stages.
    static readonly string[] UpToTraining = ["--target=TrainGood"];

    [Fact]
    public void FreshRun_Plan_MatchesSnapshot()
    {
        var (exit, plan) = pipeline.Run(pipeline.Experiment("smoke", Smoke), ["--dryrun", .. Targets]);
        Assert.Equal(0, exit);
        Snapshot.Match(plan, o => o.IgnoreAllFields("Key"));
    }

    [Fact]
    public void SecondRun_ReusesEveryInstance_AndWritesNothingNew()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, Targets).ExitCode);
        var store = StoreListing();
        var (exit, plan) = pipeline.Run(experiment, Targets);
        Assert.Equal(0, exit);
        Assert.NotEmpty(plan);
        Assert.All(plan, e => Assert.Equal(PlanEntry.Cached, e.Status));
        Assert.Equal(store, StoreListing());

        // The smoke report's structure and rounded metrics (CPU, the threads of cake.config): a code change that
        // moves any number of the comparison fails here.
        Snapshot.Match(File.ReadAllText(Path.Combine(temp.Path, "runs", "smoke", "report.md")), SnapshotNameExtension.Create("report"));
    }

    [Fact]
    public void ChangingAValue_RerunsExactlyTheInstancesThatReadIt()
    {
        Assert.Equal(0, pipeline.Run(pipeline.Experiment("smoke", Smoke), UpToTraining).ExitCode);

        var vocab = pipeline.Run(pipeline.Experiment("smoke", Changed("vocab_size: 512", "vocab_size: 600")), ["--dryrun", .. UpToTraining]);
        Assert.Equal(PlanEntry.Cached, vocab.Plan.Single(e => e.Task == "Corpus").Status);
        Assert.Equal("changed: config tokenizer.vocab_size 512 -> 600", vocab.Plan.Single(e => e.Task == "Tokenize").Reason);
        // TrainGood's key hashes the tokens' bytes, known only once Tokenize has run again.
        Assert.Equal("after Tokenize/tokenizer: reused if they come out byte-identical", vocab.Plan.Single(e => e.Task == "TrainGood").Reason);

        var steps = pipeline.Run(pipeline.Experiment("smoke", Changed("steps: 40", "steps: 50")), ["--dryrun", .. UpToTraining]);
        Assert.Equal(["cached", "cached", "run"], steps.Plan.Select(e => e.Status));
        Assert.Equal("changed: config train.steps 40 -> 50", steps.Plan.Single(e => e.Task == "TrainGood").Reason);

        var split = pipeline.Run(pipeline.Experiment("smoke", Changed("words: 40000", "words: 30000")), UpToTraining);
        Assert.Equal(0, split.ExitCode);
        Assert.All(split.Plan, e => Assert.Equal(PlanEntry.Run, e.Status));
        Assert.Equal("changed: config corpus.words 40000 -> 30000", split.Plan[0].Reason);
        Assert.DoesNotContain("code", split.Plan[0].Reason);
    }

    [Fact]
    public void AValueOnlyContrastiveDecodingReads_ReplansOnlyTheContrastiveCorpusAndWhatFollows()
    {
        string[] upToMix = ["--target=Mix"];
        Assert.Equal(0, pipeline.Run(pipeline.Experiment("smoke", Smoke), upToMix).ExitCode);

        foreach (var (from, to) in new[] { ("batch_size: 16", "batch_size: 16\n  lambda: 0.5"), ("batch_size: 16", "batch_size: 16\n  alpha: 0.2"),
            ("step: 10", "step: 10\n  dropout: 0.7") })
        {
            var (exit, plan) = pipeline.Run(pipeline.Experiment("smoke", Changed(from, to)), ["--dryrun", .. upToMix]);
            Assert.Equal(0, exit);
            var replanned = plan.Where(e => e.Status == PlanEntry.Run).Select(e => $"{e.Task}/{e.Instance}").ToList();
            // lambda and alpha: the contrastive corpus and its Mix; the early BAD's dropout is read by nothing.
            Assert.Equal(from == "step: 10" ? [] : ["GenerateContrastive/contrastive", "Mix/contrastive"], replanned);
        }
    }

    [Fact]
    public void InputRebuiltWithTheSameBytes_ReusesWhatReadsIt()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, UpToTraining).ExitCode);
        var tokenize = Directory.GetDirectories(Path.Combine(temp.Path, "store", "Tokenize")).Single();
        var train = Directory.GetFiles(Path.Combine(temp.Path, "store", "Train"), "manifest.json", SearchOption.AllDirectories).Single();
        var trained = File.ReadAllText(train);
        Directory.Delete(tokenize, recursive: true);

        var (exit, plan) = pipeline.Run(experiment, UpToTraining);

        Assert.Equal(0, exit);
        Assert.Equal(["cached", "run", "run"], plan.Select(e => e.Status));
        Assert.Equal("", plan[2].Key);   // pending until Tokenize has run
        Assert.True(File.Exists(Path.Combine(tokenize, "manifest.json")));
        Assert.Equal(trained, File.ReadAllText(train));   // the same model, not trained again
        Assert.All(pipeline.Run(experiment, ["--dryrun", .. UpToTraining]).Plan, e => Assert.Equal(PlanEntry.Cached, e.Status));
    }

    [Fact]
    public void InputRebuiltWithOtherBytes_RerunsWhatReadsIt()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, UpToTraining).ExitCode);
        // As if Corpus had been rebuilt (same key) and had come out different: its manifest records the new bytes.
        var corpus = Directory.GetDirectories(Path.Combine(temp.Path, "store", "Corpus")).Single();
        File.AppendAllText(Path.Combine(corpus, "train.txt"), "\n\nOne more document.\n");
        var path = Path.Combine(corpus, "manifest.json");
        var manifest = Json.Read<Manifest>(path);
        manifest.Outputs["train.txt"] = Hash.OfFile(Path.Combine(corpus, "train.txt"));
        Json.Write(path, manifest);

        var (exit, plan) = pipeline.Run(experiment, ["--dryrun", .. UpToTraining]);

        Assert.Equal(0, exit);
        Assert.Equal(PlanEntry.Cached, plan[0].Status);
        Assert.StartsWith("changed: input artifact", plan[1].Reason);
        Assert.Equal(PlanEntry.Run, plan[2].Status);
    }

    [Fact]
    public void AddingASeedOrAnArm_PlansOnlyTheNewInstances()
    {
        string[] upToFinal = ["--target=TrainFinal"];
        Assert.Equal(0, pipeline.Run(pipeline.Experiment("smoke", Smoke), upToFinal).ExitCode);

        var more = Changed("mix:\n", "mix:\n  strategies: [ancestral, contrastive, head-only]\n") + "final:\n  seeds: [42, 7]\n";
        var (exit, plan) = pipeline.Run(pipeline.Experiment("smoke", more), ["--dryrun", .. upToFinal]);
        Assert.Equal(0, exit);
        string[] added = ["GenerateContrastive/head-only", "Mix/head-only", "TrainFinal/head-only-seed42",
            "TrainFinal/baseline-seed7", "TrainFinal/ancestral-seed7", "TrainFinal/contrastive-seed7", "TrainFinal/head-only-seed7"];
        Assert.Equal(added.Order(), plan.Where(e => e.Status == PlanEntry.Run).Select(e => $"{e.Task}/{e.Instance}").Order());
        Assert.Equal(10, plan.Count(e => e.Status == PlanEntry.Cached));   // Corpus to TrainFinal of the first file
    }

    [Fact]
    public void Force_RerunsTheTaskAndDownstream_KeepingTheOldArtifactInTrash()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, UpToTraining).ExitCode);
        // In its own process, so that a failure shows the host's output (CI saw one exit 1 here, once, with nothing to read).
        var planFile = Path.Combine(temp.Path, "forced-plan.json");
        var (exit, output) = HostProcess.Run(temp.Path, [$"--experiment={experiment}", $"--plan={planFile}", "--force=Tokenize", .. UpToTraining]);
        Assert.True(exit == 0, output);
        var plan = Json.Read<List<PlanEntry>>(planFile);
        Assert.Equal(["cached", "run", "run"], plan.Select(e => e.Status));
        Assert.All(plan.Skip(1), e => Assert.Contains("forced", e.Reason));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(temp.Path, "trash")).Length);
    }

    [Fact]
    public void Verify_DetectsACorruptedOutput_AndRecomputesIt()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, UpToTraining).ExitCode);
        var train = Directory.GetFiles(Path.Combine(temp.Path, "store", "Corpus"), "train.txt", SearchOption.AllDirectories).Single();
        var original = File.ReadAllText(train);
        File.AppendAllText(train, "tampered");

        Assert.All(pipeline.Run(experiment, UpToTraining).Plan, e => Assert.Equal(PlanEntry.Cached, e.Status));
        var (exit, plan) = pipeline.Run(experiment, ["--verify", .. UpToTraining]);

        Assert.Equal(0, exit);
        var corpus = plan.Single(e => e.Task == "Corpus");
        Assert.Equal(PlanEntry.Run, corpus.Status);
        Assert.Contains("train.txt", corpus.Reason);
        Assert.Equal(original, File.ReadAllText(train));
    }

    [Fact]
    public void Verify_ChecksAnInstanceDecidedAfterItsInputsRan_AsThePlanDoes()
    {
        var experiment = pipeline.Experiment("smoke", Smoke);
        Assert.Equal(0, pipeline.Run(experiment, UpToTraining).ExitCode);
        var model = Directory.GetFiles(Path.Combine(temp.Path, "store", "Train"), "model.bin", SearchOption.AllDirectories).Order().Last();
        var original = File.ReadAllBytes(model);
        File.AppendAllText(model, "tampered");
        Directory.Delete(Directory.GetDirectories(Path.Combine(temp.Path, "store", "Tokenize")).Single(), recursive: true);

        var (exit, plan) = pipeline.Run(experiment, ["--verify", .. UpToTraining]);

        // Train was pending on Tokenize, so the scheduler decided it: Tokenize came out the same, the model did not match.
        Assert.Equal(0, exit);
        Assert.Equal("", plan.Single(e => e.Task == "TrainGood").Key);
        Assert.Equal(original, File.ReadAllBytes(model));
    }

    [Fact]
    public void KilledStep_LeavesNoReusableArtifact_AndTheNextRunRedoesIt()
    {
        // The large corpus takes long enough to read that the kill lands while the step runs.
        var experiment = pipeline.Experiment("large", "# test\ncorpus:\n  source: data/corpora/large\n");
        var host = Path.Combine(Repo.Root, "build", "bin", Configuration, "net10.0", "Build.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root };
        foreach (var arg in new[] { host, "--target=Corpus", $"--experiment={experiment}", $"--paths_artifacts={temp.Path}" })
            start.ArgumentList.Add(arg);
        using (var process = Process.Start(start)!)
        {
            var partial = WaitFor(process, () => Directory.Exists(Path.Combine(temp.Path, "store", "Corpus"))
                ? Directory.GetDirectories(Path.Combine(temp.Path, "store", "Corpus"), "*.partial").FirstOrDefault() : null);
            if (process.HasExited)
                Assert.Fail($"the host ended (exit code {process.ExitCode}) before the step could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.NotNull(partial);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "store"), "manifest.json", SearchOption.AllDirectories));

        var (exit, plan) = pipeline.Run(experiment, "--target=Corpus");
        Assert.Equal(0, exit);
        Assert.Equal(PlanEntry.Run, plan.Single().Status);
        Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, "store"), "manifest.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(Path.Combine(temp.Path, "store", "Corpus"), "*.partial"));
    }

    [Fact]
    public void MalformedExperiment_ExitsNonZero_AndWritesNothing()
    {
        var (exit, plan) = pipeline.Run(pipeline.Experiment("bad", "corpus:\n  words: lots\n"), Targets);
        Assert.Equal(1, exit);
        Assert.Empty(plan);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "store")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "runs")));
    }

    static string Configuration =>
        typeof(PipelineHost).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    static T? WaitFor<T>(Process process, Func<T?> probe) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            if (probe() is { } found)
                return found;
            Thread.Sleep(5);
        }
        return null;
    }

    List<string> StoreListing() =>
        Directory.GetFileSystemEntries(Path.Combine(temp.Path, "store"), "*", SearchOption.AllDirectories).Order().ToList();
}
