namespace ContrastivePipeline.Tests.Evaluation;

/// <summary>The shared BabyLM evaluation data, read-only; tests that use it pass trivially where it is absent.</summary>
internal static class EvalData
{
    public static string? Folder { get; } =
        new[] { "/work/shared/data/eval", Support.Repo.Data("eval") }.FirstOrDefault(Directory.Exists);
}
