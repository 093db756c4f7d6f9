using System.Text.Json;
using System.Text.Json.Serialization;
using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>Reads the Evaluate artifacts and training runs named by the inputs and writes every report file.</summary>
/// <remarks>
/// Inputs: "eval:{arm}:{seed}" (Evaluate artifacts, GOOD's with arm "good"), "run:{arm}:{seed}" (training runs with
/// metrics.jsonl), "diag:{corpus}" (Diagnose artifacts: each synthetic corpus and the real text), and "tasks" / "probes"
/// (the evaluation data, needed to read reading predictions back).
/// </remarks>
internal static class ReportWriter
{
    public const string JsonFile = "report.json";

    // A relative change against a zero baseline is infinite; report.json keeps it rather than fail.
    static readonly JsonSerializerOptions Options = new(Json.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static ReportDocument Write(ReportSettings settings, IReadOnlyDictionary<string, string> inputs, string outputFolder, Action<string> log)
    {
        var evalFolders = inputs.Where(i => i.Key is EvaluatedRun.Tasks or EvaluatedRun.Probes).ToDictionary();
        var runs = Named(inputs, "eval").Select(i => EvaluatedRun.Load(i.Folder, i.Arm, i.Seed, evalFolders)).ToList();
        var curves = Named(inputs, "run").Select(i => TrainingCurve.Read(i.Arm, i.Seed, i.Folder)).ToList();
        log($"{runs.Count} evaluated run(s), {curves.Count} training run(s)");

        var diagnostics = inputs.Where(i => i.Key.StartsWith("diag:", StringComparison.Ordinal)).OrderBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new CorpusRow(i.Key["diag:".Length..], Json.Read<CorpusDiagnostics>(Path.Combine(i.Value, CorpusDiagnostics.FileName)))).ToList();
        var report = ReportBuilder.Build(settings, runs, diagnostics);
        File.WriteAllText(Path.Combine(outputFolder, JsonFile), JsonSerializer.Serialize(report, Options) + "\n");
        var plots = ReportPlots.Write(report, curves, outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, MarkdownReport.FileName), MarkdownReport.Render(report, plots));
        File.WriteAllText(Path.Combine(outputFolder, SummaryText.FileName), SummaryText.Render(report));
        return report;
    }

    /// <summary>Inputs named "{kind}:{arm}:{seed}", in ordinal name order.</summary>
    static IEnumerable<(string Arm, int Seed, string Folder)> Named(IReadOnlyDictionary<string, string> inputs, string kind) =>
        inputs.Where(i => i.Key.StartsWith(kind + ":", StringComparison.Ordinal)).OrderBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => i.Key.Split(':') is [_, var arm, var seed] && int.TryParse(seed, out var s)
                ? (arm, s, i.Value)
                : throw new StepException($"input '{i.Key}': want {kind}:<arm>:<seed>"));
}
