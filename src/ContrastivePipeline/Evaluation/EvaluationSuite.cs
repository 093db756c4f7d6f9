using ContrastivePipeline.Evaluation.Reading;

namespace ContrastivePipeline.Evaluation;

/// <summary>An evaluation folder read into memory once per Score step and scored for each of its checkpoints.</summary>
/// <param name="Folder">Where the items came from (a BabyLM evaluation folder or the built-in corpus's probes).</param>
/// <param name="Items">The zero-shot items in <see cref="ZeroShotSuite"/> order.</param>
/// <param name="ReadingRows">reading/reading_data.csv's rows; empty when the folder has none.</param>
internal sealed record EvaluationSuite(string Folder, IReadOnlyList<ZeroShotItem> Items, IReadOnlyList<ReadingRow> ReadingRows)
{
    /// <param name="suite">When given, task names become "{suite}/{task}" (see <see cref="ZeroShotSuite.Load"/>).</param>
    public static EvaluationSuite Load(string folder, string? suite = null) =>
        new(folder, ZeroShotSuite.Load(folder, suite), ReadRows(folder));

    public static IReadOnlyList<ReadingRow> ReadRows(string folder) =>
        Path.Combine(folder, "reading", ReadingTable.FileName) is var path && File.Exists(path) ? ReadingTable.Load(path) : [];
}
