using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Planning;

/// <summary>
/// An input of a step instance: what its key hashes is the input's content, so an input rebuilt with other bytes reruns
/// the step and one rebuilt with the same bytes does not.
/// </summary>
public abstract record StepInput
{
    /// <summary>The folder the step reads.</summary>
    public abstract string Folder { get; }

    /// <summary>The hash of what the step reads; null while it is not known (its source instance has not run yet).</summary>
    public abstract string? Content { get; }
}

/// <summary>A data folder outside the store, hashed by name and content of its files when planned.</summary>
public sealed record DataInput(string Path, string Hash) : StepInput
{
    public override string Folder => Path;

    public override string? Content => Hash;
}

/// <summary>The artifact of another step instance, or one folder of it (<paramref name="Under"/>).</summary>
public sealed record ArtifactInput(StepInstance Source, string Under = "") : StepInput
{
    public override string Folder => Under.Length == 0 ? Source.Folder : System.IO.Path.Combine(Source.Folder, Under);

    /// <summary>The output hashes in the source's manifest (under <see cref="Under"/>), once the source is complete.</summary>
    public override string? Content => Source.Manifest?.Content(Under);

    public InputArtifact ForSpec() => new(Source.Folder, Under, Content!);
}
