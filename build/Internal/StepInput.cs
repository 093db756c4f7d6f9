namespace ContrastivePipeline.Build.Internal;

/// <summary>An input of a step instance: a folder and the key that names its content.</summary>
public sealed record StepInput(string Folder, string Key);
