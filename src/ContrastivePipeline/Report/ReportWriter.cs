using System.Text.Json;
using System.Text.Json.Serialization;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>Reads the Score artifacts and training runs named by the inputs and writes every report file.</summary>
/// <remarks>
/// Inputs (ReportContract): each run's Score artifact and training run (metrics.jsonl), each corpus's Diagnose
/// artifact, as the settings list them, and "tasks" / "probes" (the evaluation data, to read reading predictions back).
/// </remarks>
internal static class ReportWriter
{
    public const string JsonFile = "report.json";

    // A relative change against a zero baseline is infinite; report.json keeps it rather than fail.
    static readonly JsonSerializerOptions Options = new(Json.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static ReportDocument Write(ReportSettings settings, IReadOnlyDictionary<string, string> inputs, string outputFolder, Action<string> log)
    {
        var evalFolders = inputs.Where(i => i.Key is ReportContract.Tasks or ReportContract.Probes).ToDictionary();
        var runs = settings.Runs.Select(r => EvaluatedRun.Load(Input(inputs, ReportContract.Scores(r.Arm, r.Seed)), r.Arm, r.Seed, evalFolders)).ToList();
        var curves = settings.Runs.Select(r => TrainingCurve.Read(r.Arm, r.Seed, Input(inputs, ReportContract.Run(r.Arm, r.Seed)))).ToList();
        log($"{runs.Count} evaluated run(s), {curves.Count} training run(s)");

        var diagnostics = settings.Corpora.Select(c => new CorpusRow(c,
            Json.Read<CorpusDiagnostics>(Path.Combine(Input(inputs, ReportContract.Diagnosis(c)), CorpusDiagnostics.FileName)))).ToList();
        var report = ReportBuilder.Build(settings, runs, diagnostics);
        File.WriteAllText(Path.Combine(outputFolder, JsonFile), JsonSerializer.Serialize(report, Options) + "\n");
        var plots = ReportPlots.Write(report, curves, outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, MarkdownReport.FileName), MarkdownReport.Render(report, plots));
        File.WriteAllText(Path.Combine(outputFolder, SummaryText.FileName), SummaryText.Render(report));
        return report;
    }

    static string Input(IReadOnlyDictionary<string, string> inputs, string name) => inputs.TryGetValue(name, out var folder)
        ? folder
        : throw new StepException($"the report's settings list input '{name}', which its spec does not give");
}
