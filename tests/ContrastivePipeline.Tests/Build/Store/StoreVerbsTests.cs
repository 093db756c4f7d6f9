using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Build.Store;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Store;

/// <summary>Status and Compare: they read the store and the run folders, and never run a step.</summary>
public sealed class StoreVerbsTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Status_RunsNothing_AndWritesNothingIntoTheStore()
    {
        var smoke = Path.Combine(Repo.Root, "experiments", "smoke.yaml");
        Assert.Equal(0, PipelineHost.Run(["--target=Status", $"--experiment={smoke}", $"--paths_artifacts={temp.Path}"], Repo.Root));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Status_OfAnInterruptedTrainingRun_SaysHowFarItGot()
    {
        var store = new ArtifactStore(temp.Path);
        var settings = new TrainSettings(new ModelConfig(), new TrainConfig { Steps = 40, CheckpointEvery = 10 }, 42);
        var run = new StepInstance("TrainGood", "Train", "base", settings, 42, new Dictionary<string, StepInput>(), new StepCode("code", new Dictionary<string, string>()), "{}", "toolchain", store);
        var partial = store.PartialFolder("Train", run.Key);
        Directory.CreateDirectory(Path.Combine(partial, "checkpoints", "step_000020"));
        Directory.CreateDirectory(Path.Combine(partial, "checkpoints", "step_000030.partial"));
        File.WriteAllText(Path.Combine(partial, "checkpoints", "step_000020", "model.bin"), "12345");

        var row = StoreStatus.Row(store, run, DateTimeOffset.UtcNow);

        Assert.Equal("partial (stopped): checkpoint 20 of 40 steps", row.State);
        Assert.Equal(5, row.Bytes);
        Assert.Equal("missing", StoreStatus.Row(store, new StepInstance("TrainGood", "Train", "other", settings, 43,
            new Dictionary<string, StepInput>(), new StepCode("code", new Dictionary<string, string>()), "{\"seed\":43}", "toolchain", store), DateTimeOffset.UtcNow).State);
    }

    [Fact]
    public void Compare_TabulatesArmsByTask_WithTheSettingsThatDiffer_AsCsv()
    {
        Run("ratio-low", "mix:\n  ratios: [0.1]\ntrain:\n  steps: 40\n", perplexity: 120.5);
        Run("ratio-high", "mix:\n  ratios: [0.5]\ntrain:\n  steps: 40\n", perplexity: 118.25);
        var csv = Path.Combine(temp.Path, "compare.csv");

        Assert.Equal(0, PipelineHost.Run(["--target=Compare", "--experiment=ratio-low,ratio-high", $"--paths_artifacts={temp.Path}",
            $"--out={csv}"], Repo.Root));

        Assert.Equal([
            "experiment,arm,mix.ratios,perplexity,blimp",
            "ratio-low,baseline,[0.1],120.50,61.00",
            "ratio-low,contrastive,[0.1],120.50,61.00",
            "ratio-high,baseline,[0.5],118.25,61.00",
            "ratio-high,contrastive,[0.5],118.25,61.00",
        ], File.ReadAllLines(csv));
    }

    void Run(string name, string resolved, double perplexity)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "runs", name)).FullName;
        File.WriteAllText(Path.Combine(folder, "config.resolved.yaml"), $"name: {name}\n{resolved}");
        string Score(string arm, string task, double mean) => $$"""{"arm": "{{arm}}", "task": "{{task}}", "mean": {{mean}}}""";
        var scores = string.Join(", ", new[] { "baseline", "contrastive" }
            .SelectMany(a => new[] { Score(a, "perplexity", perplexity), Score(a, "blimp", 61) }));
        File.WriteAllText(Path.Combine(folder, "report.json"), $$"""
            {"arms": [{"name": "baseline"}, {"name": "contrastive"}], "tasks": ["perplexity", "blimp"],
             "rules": [{"rule": "final", "scores": []}, {"rule": "best", "scores": [{{scores}}]}]}
            """);
    }
}
