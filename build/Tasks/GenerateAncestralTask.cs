using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateAncestral")]
[IsDependentOn(typeof(TrainGoodTask))]
[TaskDescription("Samples the comparison corpus from GOOD by plain ancestral sampling (the paper's No-Contrast)")]
public sealed class GenerateAncestralTask : PipelineTask
{
    /// <summary>Strategies that sample from GOOD alone, without its plausibility head (ancestral sampling).</summary>
    public override IEnumerable<StepInstance> Plan(BuildContext context) =>
        context.Experiment.Mix.Strategies.Where(s => !s.Head && !s.Contrast).Select(s => SyntheticCorpus.Plan(context, s, s.Name, bad: null));
}
