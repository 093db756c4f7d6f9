using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateContrastive")]
[IsDependentOn(typeof(TrainBadTask))]
[TaskDescription("Samples the corpora on GOOD's plausibility head: by contrastive decoding per BAD model, GOOD against BAD (and the head-only control when asked)")]
public sealed class GenerateContrastiveTask : PipelineTask
{
    /// <summary>Strategies on GOOD's plausibility head or against a BAD: one corpus per BAD model for a strategy that contrasts.</summary>
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        foreach (var strategy in e.Mix.Strategies.Where(s => s.Head || s.Contrast))
        {
            if (!strategy.Contrast)
            {
                yield return SyntheticCorpus.Plan(context, strategy, strategy.Name, bad: null);
                continue;
            }
            foreach (var bad in e.Bad)
                yield return SyntheticCorpus.Plan(context, strategy, e.Bad.Count == 1 ? strategy.Name : $"{strategy.Name}-{bad.Label()}", bad);
        }
    }
}
