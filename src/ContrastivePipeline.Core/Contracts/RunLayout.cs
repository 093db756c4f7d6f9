using System.Globalization;

namespace ContrastivePipeline.Contracts;

/// <summary>
/// The one naming of a step's folders: a run's checkpoint N is <c>checkpoints/step_00000N/</c> (model.bin,
/// optimizer.bin, state.json), and a Score artifact's results for checkpoint N are <c>step_00000N/</c>.
/// </summary>
public static class RunLayout
{
    public const string Checkpoints = "checkpoints", ModelFile = "model.bin", OptimizerFile = "optimizer.bin", StateFile = "state.json";

    const string Prefix = "step_";

    /// <summary><c>step_000500</c> for step 500.</summary>
    public static string StepName(long step) => Prefix + step.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The step a folder named <c>step_N</c> holds (<c>step_000500.partial</c> and other names: null).</summary>
    public static long? StepOf(string folderName) =>
        folderName.StartsWith(Prefix, StringComparison.Ordinal) && folderName.Length > Prefix.Length &&
        folderName.AsSpan(Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0 &&
        long.TryParse(folderName.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : null;

    public static string CheckpointFolder(string run, long step) => Path.Combine(run, Checkpoints, StepName(step));

    /// <summary>A run file's path as a manifest names it (forward slashes): <c>checkpoints/step_000500/model.bin</c>.</summary>
    public static string CheckpointFile(long step, string file) => $"{Checkpoints}/{StepName(step)}/{file}";

    /// <summary>The step of the checkpoint a run file (relative, forward slashes) belongs to, or null (metrics.jsonl).</summary>
    public static long? CheckpointOf(string file) =>
        file.Split('/') is [Checkpoints, var folder, _, ..] ? StepOf(folder) : null;

    /// <summary>The complete checkpoint folders under a run folder's <c>checkpoints/</c> by step (no <c>.partial</c> ones).</summary>
    public static IEnumerable<(long Step, string Folder)> CheckpointFolders(string run)
    {
        var root = Path.Combine(run, Checkpoints);
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(f => (Step: StepOf(Path.GetFileName(f)), Folder: f))
                .Where(x => x.Step is not null).Select(x => (x.Step!.Value, x.Folder)).OrderBy(x => x.Item1)
            : [];
    }

    /// <summary>A Score artifact's folder for checkpoint <paramref name="step"/>.</summary>
    public static string ScoredFolder(string scores, long step) => Path.Combine(scores, StepName(step));
}
