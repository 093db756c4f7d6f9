namespace ContrastivePipeline.Steps;

/// <summary>An input that is a store artifact (or one folder of it), with the content hash the step's key was made from.</summary>
/// <param name="Folder">The artifact's folder (where its manifest is).</param>
/// <param name="Under">The folder inside it that the step reads, or "" for all of it.</param>
public sealed record InputArtifact(string Folder, string Under, string Content);
