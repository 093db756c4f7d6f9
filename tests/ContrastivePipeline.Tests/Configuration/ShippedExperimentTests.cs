using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace ContrastivePipeline.Tests.Configuration;

public sealed class ShippedExperimentTests
{
    public static TheoryData<string> Shipped => new(Directory.EnumerateFiles(Path.Combine(Repo.Root, "experiments"), "*.yaml")
        .Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ResolvedConfig_OfShippedExperiment_MatchesSnapshot(string name)
    {
        var experiment = ExperimentLoader.Load(Path.Combine(Repo.Root, "experiments", name + ".yaml"), Repo.Root);
        Snapshot.Match(ExperimentLoader.Resolve(experiment), SnapshotNameExtension.Create(name));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ResolvedConfig_LoadsBackAsTheSameExperiment(string name)
    {
        using var temp = new TempFolder();
        var resolved = ExperimentLoader.Resolve(ExperimentLoader.Load(Path.Combine(Repo.Root, "experiments", name + ".yaml"), Repo.Root));
        Assert.Equal(resolved, ExperimentLoader.Resolve(ExperimentLoader.Load(temp.File(name + ".yaml", resolved), Repo.Root)));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedExperiment_StartsWithACommentSayingWhatItIsFor(string name)
    {
        var first = File.ReadLines(Path.Combine(Repo.Root, "experiments", name + ".yaml")).First();
        Assert.StartsWith("# ", first);
    }
}
