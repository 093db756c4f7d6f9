using System.Text.Json;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// Before a step runs, the input files it reads are hashed and compared with the manifests of the artifacts they come
/// from, so bytes damaged after they were stored are never used: the step stops and names the file.
/// </summary>
internal static class InputCheck
{
    /// <returns>How many files and bytes were checked.</returns>
    public static (int Files, long Bytes) Run(StepContext context, IStep step)
    {
        var (files, bytes) = (0, 0L);
        foreach (var (name, input) in context.Spec.Artifacts)
        {
            var manifest = Read(context.Spec, name, Path.Combine(input.Folder, ArtifactStore.ManifestFile));
            if (manifest.Content(input.Under) != input.Content)
                throw new StepException($"input '{name}': {input.Folder} no longer holds the artifact this step was planned with " +
                    "(its manifest changed since); run again to plan with what is there now");
            var prefix = input.Under.Length == 0 ? "" : input.Under + "/";
            foreach (var (file, hash) in manifest.Outputs.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                // A dropped file is not on disk; the host stops before any step that loads a dropped checkpoint.
                if (!step.Reads(context, name, file) || manifest.IsDropped(file))
                    continue;
                var path = Path.Combine(input.Folder, file);
                if (!File.Exists(path))
                    throw Damaged(name, path, "is missing");
                if (Hash.OfFile(path) != hash)
                    throw Damaged(name, path, "does not match the hash its manifest recorded (it changed after it was stored)");
                files++;
                bytes += new FileInfo(path).Length;
            }
        }
        return (files, bytes);
    }

    static Manifest Read(StepSpec spec, string name, string path)
    {
        try
        {
            return Json.Read<Manifest>(path);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            throw new StepException(StepFailure.Disappeared(spec) ?? Damaged(name, path, $"cannot be read ({e.Message})").Message);
        }
    }

    static StepException Damaged(string name, string path, string what) => new(
        $"input '{name}': {path} {what}. Run again with --verify to recompute that artifact and everything built from it.");
}
