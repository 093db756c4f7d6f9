namespace ContrastivePipeline.Evaluation;

/// <summary>The task names used in predictions, scores and comparisons (the paper's table rows).</summary>
internal static class TaskNames
{
    public const string Blimp = "blimp";
    public const string BlimpSupplement = "blimp_supplement";
    public const string Ewok = "ewok";
    public const string EntityTracking = "entity_tracking";
    public const string Wug = "wug";
    public const string Reading = "reading";
    public const string EyeTracking = "eye_tracking";
    public const string Perplexity = "perplexity";
}
