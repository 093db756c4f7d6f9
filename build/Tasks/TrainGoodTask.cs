using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("TrainGood")]
[IsDependentOn(typeof(TokenizeTask))]
[TaskDescription("Trains the base run on real data; GOOD is its checkpoint good.step (and an early BAD an earlier one)")]
public sealed class TrainGoodTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        yield return context.Step(TrainContract.Step, "base", new TrainSettings(e.Model, e.Train, e.Good.Seed), e.Good.Seed,
            new Dictionary<string, StepInput> { [TrainContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput() });
    }
}
