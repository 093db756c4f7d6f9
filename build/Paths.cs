using System.Reflection;

namespace ContrastivePipeline.Build;

/// <summary>Every path the host uses, in one place.</summary>
public sealed class Paths(string root, string artifacts)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Artifacts { get; } = Path.GetFullPath(Path.Combine(root, artifacts));

    public string Specs => Path.Combine(Artifacts, "specs");

    /// <summary>Each instance's whole output, <c>&lt;step&gt;-&lt;key&gt;.log</c>, appended per attempt.</summary>
    public string Logs => Path.Combine(Artifacts, "logs");

    public string Log(string step, string key) => Path.Combine(Logs, $"{step}-{key}.log");

    public string Run(string experiment) => Path.Combine(Artifacts, "runs", experiment);

    /// <summary>An instance's TensorBoard event files: logs, outside the store (so `tensorboard --logdir` a run folder).</summary>
    public string TensorBoard(string experiment, string instance) => Path.Combine(Run(experiment), "tensorboard", instance);

    /// <summary>The step CLI, built with the host (same configuration) by the project reference in Build.csproj.</summary>
    public string StepCli => Path.Combine(Root, "src", "ContrastivePipeline", "bin",
        typeof(Paths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "ContrastivePipeline.dll");

    /// <summary>A path under the repository relative to it (as a user types it there), any other in full.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal)
        ? relative : Path.GetFullPath(path);

    /// <summary>Fails with a clear message when the artifact root cannot be created or written, before anything runs.</summary>
    public void CheckWritable()
    {
        try
        {
            Directory.CreateDirectory(Artifacts);
            var probe = Path.Combine(Artifacts, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Host.UnwritableRootException($"the artifact root {Artifacts} is not a writable folder ({e.Message}); set Paths.Artifacts in " +
                "cake.config or pass --paths_artifacts=<folder>", e);
        }
    }

    /// <summary>An experiment file given relative to the working directory, or else to the repository root.</summary>
    public static string ExperimentFile(string given, string root)
    {
        var here = Path.GetFullPath(given);
        return File.Exists(here) ? here : Path.GetFullPath(Path.Combine(root, given));
    }

    /// <summary>
    /// The repository root: the nearest folder upwards holding ContrastivePipeline.sln, from the working directory or
    /// else from the host's own build output (so `dotnet run --project path/to/build` works from anywhere).
    /// </summary>
    public static string FindRoot(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ContrastivePipeline.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no ContrastivePipeline.sln above {string.Join(" or ", starts)}: run from inside the repository");
    }
}
