using ContrastivePipeline.Evaluation;

namespace ContrastivePipeline.Report;

/// <summary>The order and names of the task columns: perplexity first, then the paper's tasks, then probe suites.</summary>
internal static class TaskColumns
{
    /// <summary>The suite of the official BabyLM tasks (names without a "suite/" prefix).</summary>
    public const string Official = "babylm";

    static readonly string[] PaperOrder =
    [
        TaskNames.Perplexity, TaskNames.Blimp, TaskNames.BlimpSupplement, TaskNames.EntityTracking, TaskNames.Ewok,
        TaskNames.Wug, TaskNames.Reading, TaskNames.EyeTracking,
    ];

    static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [TaskNames.Perplexity] = "Perplexity ↓",
        [TaskNames.Blimp] = "BLiMP",
        [TaskNames.BlimpSupplement] = "BLiMP Supp.",
        [TaskNames.EntityTracking] = "Entity Tracking",
        [TaskNames.Ewok] = "EWoK",
        [TaskNames.Wug] = "WUG",
        [TaskNames.Reading] = "Reading",
        [TaskNames.EyeTracking] = "Eye Tracking",
    };

    public static IReadOnlyList<string> Order(IEnumerable<string> tasks) =>
        tasks.Distinct().OrderBy(t => t == TaskNames.Perplexity ? 0 : 1).ThenBy(t => Suite(t) == Official ? 0 : 1)
            .ThenBy(Suite, StringComparer.Ordinal).ThenBy(t => Rank(Bare(t))).ThenBy(t => t, StringComparer.Ordinal).ToList();

    /// <summary>The suite a task belongs to; perplexity belongs to none.</summary>
    public static string Suite(string task) => task.IndexOf('/') is var slash and > 0 ? task[..slash] : Official;

    public static string Title(string task) =>
        Suite(task) == Official ? Titles.GetValueOrDefault(task, task) : $"{Suite(task)}/{Titles.GetValueOrDefault(Bare(task), Bare(task))}";

    static string Bare(string task) => task[(task.IndexOf('/') + 1)..];

    static int Rank(string bare) => Array.IndexOf(PaperOrder, bare) is var i and >= 0 ? i : PaperOrder.Length;
}
