namespace ContrastivePipeline.Tests.Cluster;

/// <summary>
/// Tests that submit to the one-node cluster run one at a time: it has two fake GPUs, and a test that needs both at once
/// would otherwise wait behind another test's jobs. Put <c>[Collection(SlurmCollection.Name)]</c> on such a class.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SlurmCollection
{
    public const string Name = "Slurm cluster";
}
