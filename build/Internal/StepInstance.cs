using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Internal;

/// <summary>One run of a step program (e.g. TrainFinal for one arm and seed), with the key it will be stored under.</summary>
public sealed record StepInstance(
    string Task,
    string Step,
    string Instance,
    object Settings,
    int Seed,
    IReadOnlyDictionary<string, StepInput> Inputs,
    KeyParts Parts,
    string Folder)
{
    public string Key => Parts.Key;

    public string Id => $"{Task}/{Instance}";

    /// <summary>This instance's artifact as an input of a later step.</summary>
    public StepInput AsInput() => new(Folder, Key);
}
