using System.Text.Json;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Steps;

public sealed class RunRetentionTests
{
    static string File(long step, string name) =>
        Path.GetRelativePath("run", Path.Combine(Checkpoints.Folder("run", step), name)).Replace('\\', '/');

    [Fact]
    public void Drops_FollowsTheCheckpointLayoutTheTrainerWrites()
    {
        var retention = new RunRetention(KeepOptimizer: false, Checkpoints: [300]);

        Assert.True(retention.Drops(File(300, RunLayout.OptimizerFile)));
        Assert.False(retention.Drops(File(300, RunLayout.ModelFile)));
        Assert.False(retention.Drops(File(300, RunLayout.StateFile)));
        Assert.True(retention.Drops(File(100, RunLayout.ModelFile)));
        Assert.True(retention.Drops(File(100, RunLayout.StateFile)));
        Assert.False(retention.Drops("metrics.jsonl"));
        Assert.Equal(100, RunLayout.CheckpointOf(File(100, RunLayout.ModelFile)));
    }

    [Fact]
    public void KeepEverything_DropsNothing()
    {
        var retention = new RunRetention(KeepOptimizer: true, Checkpoints: null);
        Assert.False(retention.Drops(File(100, RunLayout.OptimizerFile)));
        Assert.False(retention.Drops(File(100, RunLayout.ModelFile)));
    }

    /// <summary>Users' caches survive the upgrade: the retention settings are in no key, at their defaults or not.</summary>
    [Fact]
    public void RetentionSettings_AreNotInTheSettingsJsonThatKeysHash()
    {
        var model = new ModelConfig();
        string Key(TrainConfig train) => JsonSerializer.Serialize(new TrainSettings(model, train, 42), Json.Canonical);
        var defaults = Key(new TrainConfig());

        Assert.Equal(defaults, Key(new TrainConfig { KeepOptimizer = true, KeepCheckpoints = CheckpointRetention.Read }));
        Assert.DoesNotContain("keep", defaults);
    }
}
