using System.Reflection;

namespace ContrastivePipeline.Build;

/// <summary>Every path the host uses, in one place.</summary>
public sealed class Paths(string root, string artifacts)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Artifacts { get; } = Path.GetFullPath(Path.Combine(root, artifacts));

    /// <summary>Sources of the step programs; the code part of a key hashes folders under here.</summary>
    public string StepSources => Path.Combine(Root, "src", "ContrastivePipeline");

    public string Specs => Path.Combine(Artifacts, "specs");

    public string Run(string experiment) => Path.Combine(Artifacts, "runs", experiment);

    /// <summary>The step CLI, built with the host (same configuration) by the project reference in Build.csproj.</summary>
    public string StepCli => Path.Combine(StepSources, "bin",
        typeof(Paths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "ContrastivePipeline.dll");

    /// <summary>The repository root: the nearest folder upwards holding ContrastivePipeline.sln.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContrastivePipeline.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no ContrastivePipeline.sln above {start}: run from inside the repository");
    }
}
