using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Tests.Support;

/// <summary>Runs the build host in-process against a temporary artifact root, returning the exit code and the plan.</summary>
internal sealed class Pipeline(string artifacts)
{
    public string Artifacts { get; } = artifacts;

    public (int ExitCode, List<PlanEntry> Plan) Run(string experiment, params string[] extra)
    {
        var planFile = Path.Combine(Artifacts, $"plan-{Guid.NewGuid():N}.json");
        string[] args = [$"--experiment={experiment}", $"--paths_artifacts={Artifacts}", $"--plan={planFile}", .. extra];
        var exit = PipelineHost.Run(args, Repo.Root);
        var plan = File.Exists(planFile) ? Json.Read<List<PlanEntry>>(planFile) : [];
        return (exit, plan);
    }

    /// <summary>A copy of a shipped experiment with some lines changed, written next to the artifacts.</summary>
    public string Experiment(string name, string yaml)
    {
        var path = Path.Combine(Artifacts, "experiments", name + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }
}
