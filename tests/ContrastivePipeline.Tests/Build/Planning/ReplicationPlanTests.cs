using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Planning;

/// <summary>The replication study (REPLICATION.md) plans the arms and seeds its decision rule needs; CI does not run it.</summary>
public sealed class ReplicationPlanTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    List<StepInstance> Plan(string name) =>
        [.. InProcessPlan.Plan(Path.Combine(Repo.Root, "experiments", name + ".yaml"), temp.Path).Select(p => p.Instance)];

    static string Known(StepInstance instance) => instance.KnownParts.Key +
        string.Concat(instance.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"|{i.Key}={(i.Value is ArtifactInput a ? a.Source.Id : i.Value.Content)}"));

    [Fact]
    public void Replication_PlansBaselineAncestralAndContrastive_WithThreeSeedsEach()
    {
        var plan = Plan("replication");

        var finals = plan.Where(i => i.Task == "TrainFinal").Select(i => i.Instance).Order().ToList();
        Assert.Equal([.. new[] { "ancestral", "baseline", "contrastive" }.SelectMany(a => new[] { 42, 43, 44 }.Select(s => $"{a}-seed{s}"))], finals);
        Assert.All(plan.Where(i => i.Task == "TrainFinal" && i.Arm!.Mix is not null), i => Assert.Equal(0.3, i.Arm!.Ratio));
        Assert.Equal(["ancestral", "contrastive", "real"], plan.Where(i => i.Task == "Diagnose").Select(i => i.Instance).Order());
        var contrastive = (GenerateSettings)plan.Single(i => i.Task == "GenerateContrastive").Settings;
        Assert.Equal((600, 200), (contrastive.GoodStep, contrastive.Bad!.Step));
        Assert.Equal([1000, 2000], ((ScoreSettings)plan.Single(i => i.Id == "Score/baseline-seed42").Settings).Steps);
    }

    [Fact]
    public void Replication_BaselineOfGoodsSeed_IsTheBaseRunItself()
    {
        var plan = Plan("replication");

        Assert.Equal(Known(plan.Single(i => i.Id == "TrainGood/base")), Known(plan.Single(i => i.Id == "TrainFinal/baseline-seed43")));
    }

    [Fact]
    public void RatioSanityArm_SharesEverythingUpstream_AndAddsOneMixedRun()
    {
        var main = Plan("replication").ToDictionary(i => i.Id);
        var ratio = Plan("replication-ratio");

        foreach (var id in new[] { "Corpus/corpus", "Tokenize/tokenizer", "TrainGood/base", "GenerateContrastive/contrastive", "TrainFinal/baseline-seed43" })
            Assert.Equal(Known(main[id]), Known(ratio.Single(i => i.Id == id)));
        var mixed = Assert.Single(ratio, i => i.Task == "TrainFinal" && i.Arm!.Mix is not null);
        Assert.Equal((0.9, 43), (mixed.Arm!.Ratio, mixed.Seed));
    }
}
