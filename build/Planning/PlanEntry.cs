namespace ContrastivePipeline.Build.Planning;

/// <summary>One line of the plan: will this instance run or be reused, and why.</summary>
public sealed record PlanEntry(string Task, string Instance, string Key, string Status, string Reason)
{
    public const string Cached = "cached", Run = "run";
}
