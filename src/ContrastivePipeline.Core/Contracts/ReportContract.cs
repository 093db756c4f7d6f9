namespace ContrastivePipeline.Contracts;

/// <summary>
/// Report: every scored run compared with the baseline, and the corpora's diagnostics. Its inputs are named here and
/// only here: <see cref="Scores"/> and <see cref="Run"/> per (arm, seed), <see cref="Diagnosis"/> per corpus; the
/// settings list the entries (ReportSettings.Runs, ReportSettings.Corpora), so nothing parses a name back.
/// </summary>
public static class ReportContract
{
    public const string Step = "Report";

    /// <summary>Inputs: the evaluation suites, as the Score instances had them.</summary>
    public const string Tasks = ScoreContract.Tasks, Probes = ScoreContract.Probes;

    public static string Scores(string arm, int seed) => $"scores:{arm}:{seed}";

    public static string Run(string arm, int seed) => $"run:{arm}:{seed}";

    public static string Diagnosis(string corpus) => $"diagnosis:{corpus}";

    public const string JsonFile = "report.json", MarkdownFile = "report.md", SummaryFile = "summary.txt";
}
