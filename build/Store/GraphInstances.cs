using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// Every step instance an experiment declares, over the whole task graph whatever the target, with the manifests of
/// those complete in the store. Nothing runs: an instance whose inputs are not all complete stays pending (no key).
/// </summary>
internal static class GraphInstances
{
    public static List<StepInstance> Plan(BuildContext context, TaskGraph graph)
    {
        var instances = new List<StepInstance>();
        foreach (var name in graph.Names.SelectMany(graph.Order).Distinct().ToList())
        {
            context.CurrentTask = name;
            foreach (var instance in ((PipelineTask)Activator.CreateInstance(graph[name])!).Plan(context).ToList())
            {
                if (instance.Parts is { } parts)
                    instance.Manifest = context.Store.TryGet(instance.Step, parts.Key);
                instances.Add(instance);
            }
        }
        return instances;
    }

    /// <summary>A context of its own for the same experiment, so planning the whole graph leaves the run's plan alone.</summary>
    public static BuildContext FreshContext(BuildContext context) =>
        new(context, context.Args, context.Paths, context.Experiment, context.Toolchain, context.Threads);
}
