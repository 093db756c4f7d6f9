using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Tests.Support;

/// <summary>Plans an experiment up to the default target in-process, as the host does before anything runs; nothing runs.</summary>
internal static class InProcessPlan
{
    public static List<PlannedStep> Plan(string experimentFile, string artifacts)
    {
        var arguments = Arguments.Parse([$"--experiment={experimentFile}", $"--paths_artifacts={artifacts}", "--dryrun"]);
        var experiment = ExperimentLoader.Load(experimentFile, Repo.Root);
        var paths = new Paths(Repo.Root, artifacts);
        var context = new BuildContext(new CakeServices(arguments, Repo.Root).Context, arguments, paths, experiment, Toolchain.Read(Repo.Root, "cpu"), 1);
        var graph = new TaskGraph(typeof(PipelineHost).Assembly.GetTypes());
        var tasks = graph.Order(Arguments.DefaultTarget).Select(n => (n, (PipelineTask)Activator.CreateInstance(graph[n])!)).ToList();
        return Planner.Plan(context, tasks, new HashSet<string>(), new RunRecord(paths.Run(experiment.Name)));
    }
}
