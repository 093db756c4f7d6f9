using ContrastivePipeline.Diagnostics;

namespace ContrastivePipeline.Report;

/// <summary>One row of the report's corpus table: a synthetic corpus (by its name) or the real training text.</summary>
internal sealed record CorpusRow(string Corpus, CorpusDiagnostics Diagnostics)
{
    /// <summary>The Diagnose instance of the real training text.</summary>
    public const string Real = "real";
}
