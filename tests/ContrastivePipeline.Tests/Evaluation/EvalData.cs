namespace ContrastivePipeline.Tests.Evaluation;

/// <summary>The shared BabyLM evaluation data (read-only, never copied into the repo), through the data/ link.</summary>
internal static class EvalData
{
    public static string Folder { get; } = Support.Repo.Data("eval");
}
