using ContrastivePipeline.Build.Internal;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateContrastive")]
[IsDependentOn(typeof(TrainBadTask))]
[TaskDescription("Samples the corpora on GOOD's plausibility head: by contrastive decoding per BAD model, GOOD against BAD (and the head-only control when asked)")]
public sealed class GenerateContrastiveTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        foreach (var strategy in e.Mix.Strategies.Where(s => s.Head))
        {
            if (!strategy.Contrast)
            {
                yield return GenerateAncestralTask.Generate(context, strategy, strategy.Name, bad: null);
                continue;
            }
            foreach (var bad in e.Bad)
            {
                var name = e.Bad.Count == 1 ? strategy.Name : $"{strategy.Name}-{bad.Label()}";
                yield return GenerateAncestralTask.Generate(context, strategy, name, (bad, TrainBadTask.RunOf(context, bad)));
            }
        }
    }
}
