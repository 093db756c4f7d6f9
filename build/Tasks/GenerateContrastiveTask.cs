using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateContrastive")]
[IsDependentOn(typeof(TrainBadTask))]
[TaskDescription("Samples a synthetic corpus by contrastive decoding per BAD model, GOOD against BAD (and the head-only control when asked)")]
public sealed class GenerateContrastiveTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        if (e.Mix.Strategies.Contains(DecodingStrategy.Contrastive))
        {
            foreach (var bad in e.Bad)
            {
                var name = e.Bad.Count == 1 ? "contrastive" : $"contrastive-{bad.Label()}";
                yield return GenerateAncestralTask.Generate(context, DecodingStrategy.Contrastive, name, (bad, TrainBadTask.RunOf(context, bad)));
            }
        }
        if (e.Mix.Strategies.Contains(DecodingStrategy.HeadOnly))
            yield return GenerateAncestralTask.Generate(context, DecodingStrategy.HeadOnly, "head-only", bad: null);
    }
}
