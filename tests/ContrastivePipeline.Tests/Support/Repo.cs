namespace ContrastivePipeline.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    static Repo()
    {
        // As .ci/run does: the shipped experiments name data/..., a git-ignored link to the shared data beside the clone.
        var data = Path.Combine(Root, "data");
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
        if (!Path.Exists(data) && Directory.Exists(shared))
            Directory.CreateSymbolicLink(data, shared);
    }

    public static string Root { get; } = ContrastivePipeline.Build.Paths.FindRoot(AppContext.BaseDirectory);

    public static string Data(string relative) => Path.Combine(Root, "data", relative);
}
