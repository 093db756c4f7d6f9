namespace ContrastivePipeline.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    public static string Root { get; } = ContrastivePipeline.Build.Paths.FindRoot(AppContext.BaseDirectory);

    public static string Data(string relative) => Path.Combine(Root, "..", "shared", "data", relative) is var shared
        && (File.Exists(shared) || Directory.Exists(shared)) ? Path.GetFullPath(shared) : Path.Combine(Root, "data", relative);
}
