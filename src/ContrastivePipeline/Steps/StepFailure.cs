using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>The failures a user can fix, as one line that says what to do; anything else is a bug and keeps its trace.</summary>
internal static class StepFailure
{
    public static string? Explain(Exception e, StepSpec spec) => e switch
    {
        StepException => e.Message,
        // A malformed file (an evaluation item a user gave, a damaged shard): its message names the file and line.
        InvalidDataException => $"{e.Message} (a malformed file: fix or replace it, then rerun)",
        // Not the disk's fault: a Gc of another scope deleted an artifact this run was reading.
        IOException when Disappeared(spec) is { } gone => gone,
        _ => MachineFault.Explain(e, spec.Store),
    };

    /// <summary>Which input artifact is gone from the store (its manifest with it), said as what to do; null if none is.</summary>
    public static string? Disappeared(StepSpec spec) =>
        spec.Artifacts.FirstOrDefault(a => !File.Exists(Path.Combine(a.Value.Folder, ArtifactStore.ManifestFile))) is { Value: not null } gone
            ? $"an input artifact disappeared: '{gone.Key}' ({gone.Value.Folder}) left the store while this step used it (a Gc of " +
              "another scope deletes what no experiment of its scope references); run again: the host plans with what the store " +
              "holds now and recomputes it"
            : null;
}
