namespace ContrastivePipeline.Tests;

/// <summary>Tests that use libtorch's process-wide state (global RNG, thread count) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}
