using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("TrainFinal")]
[IsDependentOn(typeof(MixTask))]
[TaskDescription("Trains a fresh model for every arm (real only, and each synthetic mixture) and every seed")]
public sealed class TrainFinalTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var tokens = context.Planned<TokenizeTask>().Single().AsInput();
        foreach (var arm in Arm.All(context))
        {
            foreach (var seed in e.Final.Seeds)
            {
                var inputs = new Dictionary<string, StepInput> { [TrainContract.Tokens] = tokens };
                if (arm.Mix is { } mix)
                    inputs[TrainContract.Synthetic] = mix.AsInput();
                yield return context.Step(TrainContract.Step, $"{arm.Name}-seed{seed}", new TrainSettings(e.Model, e.Train, seed, arm.Mix is null ? null : e.Mix.Share(arm.Ratio)),
                    seed, inputs, arm);
            }
        }
    }
}
