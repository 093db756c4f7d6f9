using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Build.Publish;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Provenance")]
[IsDependentOn(typeof(EvaluateTask))]
[IsDependentOn(typeof(ExportTask))]
[TaskDescription("Writes the run as a Workflow Run RO-Crate (runs/<experiment>/ro-crate-metadata.json): every instance with its key, code, settings, inputs and outputs")]
public sealed class ProvenanceTask : PipelineTask
{
    /// <summary>The report's files in the run folder: the run's result.</summary>
    static readonly string[] Results = ["report.json", "report.md"];

    public override void Run(BuildContext context)
    {
        var instances = TaskGraphInstances(context);
        var path = RunCrate.Write(context, instances, Results);
        Console.WriteLine($"Provenance: {context.Paths.Relative(path)} ({instances.Count} step instances)");
    }

    static List<StepInstance> TaskGraphInstances(BuildContext context) =>
        [.. context.Planned<EvaluateTask>().Concat(context.Planned<ExportTask>()).SelectMany(Upstream).Distinct()];

    /// <summary>An instance and every instance its inputs came from, inputs first.</summary>
    static IEnumerable<StepInstance> Upstream(StepInstance instance) =>
        instance.Inputs.Values.OfType<ArtifactInput>().SelectMany(i => Upstream(i.Source)).Append(instance);
}
