namespace ContrastivePipeline.Evaluation;

/// <summary>One task's accuracy for one model: the macro-average over groups, as the BabyLM pipeline reports it.</summary>
/// <param name="Accuracy">Mean over groups of the group accuracies, in percent: the number the paper tabulates.</param>
/// <param name="MicroAccuracy">Percent of all items, for reference only; it weights large groups more.</param>
/// <remarks>
/// Entity tracking is averaged flat over its "{file}_{numops}_ops" groups, as the authors' bootstrap code does; the
/// BabyLM report itself first averages the groups within each file and then the files.
/// </remarks>
internal sealed record TaskScore(string Task, double Accuracy, double MicroAccuracy, int Items, int Ties, IReadOnlyList<GroupScore> Groups)
{
    public static TaskScore From(string task, IEnumerable<ItemResult> results)
    {
        var items = results.Where(r => r.Task == task).ToList();
        if (items.Count == 0)
            throw new ArgumentException($"no results for task {task}");
        var groups = items.GroupBy(r => r.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupScore(g.Key, g.Count(), g.Count(r => r.IsTie), 100.0 * g.Sum(r => r.Correct) / g.Count()))
            .ToList();
        return new(task, groups.Average(g => g.Accuracy), 100.0 * items.Sum(r => r.Correct) / items.Count, items.Count,
            items.Count(r => r.IsTie), groups);
    }

    /// <summary>One score per task, in the order the tasks first appear.</summary>
    public static IReadOnlyList<TaskScore> ByTask(IReadOnlyList<ItemResult> results) =>
        results.Select(r => r.Task).Distinct().Select(t => From(t, results)).ToList();
}
