using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Host;

/// <summary>The real pipeline's graph, as --tree shows it.</summary>
public sealed class PipelineGraphTests
{
    readonly TaskGraph graph = new(typeof(PipelineHost).Assembly.GetTypes());

    [Fact]
    public void Tree_OfTheDefaultTarget_PrintsAndSucceeds() =>
        Assert.Equal(0, PipelineHost.Run(["--tree"], Repo.Root));

    [Fact]
    public void UnknownTarget_ExitsWithUsageError() =>
        Assert.Equal(2, PipelineHost.Run(["--target=Nope"], Repo.Root));

    [Fact]
    public void UnknownSwitch_ExitsWithUsageError() =>
        Assert.Equal(2, PipelineHost.Run(["--dry-run"], Repo.Root));

    [Fact]
    public void EveryTask_HasADescription() =>
        Assert.All(graph.Names, name => Assert.NotEmpty(TaskGraph.DescriptionOf(graph[name])));

    [Fact]
    public void DefaultTarget_RunsThePaperPipelineInOrder() =>
        Assert.Equal(["Corpus", "Tokenize", "TrainGood", "GenerateAncestral", "TrainBad", "GenerateContrastive", "Diagnose", "Mix", "TrainFinal", "Score", "Evaluate"], graph.Order(ContrastivePipeline.Build.Arguments.DefaultTarget));
}
