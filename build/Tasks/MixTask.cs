using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Mix")]
[IsDependentOn(typeof(GenerateAncestralTask))]
[IsDependentOn(typeof(GenerateContrastiveTask))]
[TaskDescription("Encodes each synthetic corpus (its seeded 95% training part); TrainFinal shuffles, packs and mixes it per device batch")]
public sealed class MixTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var tokens = context.Planned<TokenizeTask>().Single().AsInput();
        foreach (var corpus in context.Planned<GenerateAncestralTask>().Concat(context.Planned<GenerateContrastiveTask>()))
        {
            yield return context.Step(MixContract.Step, corpus.Instance, new MixSettings(e.Seed, 0.95), e.Seed,
                new Dictionary<string, StepInput> { [MixContract.Synthetic] = corpus.AsInput(), [MixContract.Tokens] = tokens });
        }
    }
}
