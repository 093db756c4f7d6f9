namespace ContrastivePipeline.Tests.Build.Publish;

[CollectionDefinition(PublishedRun.Collection)]
public sealed class PublishedRunCollection : ICollectionFixture<PublishedRun>
{
}
