using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Build.Publish;

/// <summary>
/// <c>runs/&lt;experiment&gt;/export/&lt;instance&gt;/</c>: an exported model ready for the Hub, its stored files linked (as
/// the Hub's own cache links its blobs) beside the model card. The card is written here, outside the store, because it
/// holds what no key of the Export step covers and must not: the report's numbers, which change with the evaluation
/// (and would rerun every export), and the command. So the stored artifact keeps its bytes and its key, and
/// `from_pretrained` loads either folder.
/// </summary>
internal static class HubFolder
{
    public const string Card = "README.md";

    public static string Write(BuildContext context, StepInstance export)
    {
        var run = ((ArtifactInput)export.Inputs[ExportContract.Run]).Source;
        var folder = Path.Combine(context.Paths.Run(context.Experiment.Name), "export", export.Instance);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(export.Folder).Where(f => Path.GetFileName(f) != ArtifactStore.ManifestFile))
        {
            var link = Path.Combine(folder, Path.GetFileName(file));
            if (new FileInfo(link).LinkTarget is not null || File.Exists(link))
                File.Delete(link);
            File.CreateSymbolicLink(link, Path.GetRelativePath(folder, file));
        }
        var report = Path.Combine(context.Paths.Run(context.Experiment.Name), "report.json");
        var arm = run.Arm?.Name ?? ScoreContract.Good;
        var metrics = File.Exists(report) ? ReportMetrics.Of(report, arm, run.Seed) : null;
        RunRecord.Publish(Path.Combine(folder, Card), tmp => File.WriteAllText(tmp, ModelCard.Text(context, export, run, metrics)));
        return folder;
    }
}
