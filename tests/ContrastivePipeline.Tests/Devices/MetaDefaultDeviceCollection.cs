namespace ContrastivePipeline.Tests.Devices;

/// <summary>Tests that change torch's process-wide default device run after all others, one at a time.</summary>
[CollectionDefinition(MetaDefaultDevice.Collection, DisableParallelization = true)]
public sealed class MetaDefaultDeviceCollection;
