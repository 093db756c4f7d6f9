using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateContrastive")]
[IsDependentOn(typeof(TrainBadTask))]
[TaskDescription("Samples the synthetic corpus by contrastive decoding, GOOD against BAD (and the head-only control when asked)")]
public sealed class GenerateContrastiveTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var strategies = context.Experiment.Mix.Strategies;
        if (strategies.Contains(DecodingStrategy.Contrastive))
        {
            var bad = context.Experiment.Bad.Kind == BadKind.Small
                ? context.Planned("TrainBad").Single()
                : context.Planned("TrainGood").Single();
            yield return GenerateAncestralTask.Generate(context, DecodingStrategy.Contrastive, bad);
        }
        if (strategies.Contains(DecodingStrategy.HeadOnly))
            yield return GenerateAncestralTask.Generate(context, DecodingStrategy.HeadOnly, bad: null);
    }
}
