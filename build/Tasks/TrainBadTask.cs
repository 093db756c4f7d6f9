using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("TrainBad")]
[IsDependentOn(typeof(TrainGoodTask))]
[TaskDescription("The BAD model: an early checkpoint of the base run (no work), a smaller model (trained here), or GOOD with dropout")]
public sealed class TrainBadTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        if (e.Bad.Kind != BadKind.Small)
            yield break;
        yield return context.Step("Train", "bad-small", new TrainSettings(e.Bad.Model, e.Train, e.Good.Seed), e.Good.Seed,
            TrainGoodTask.TrainCode,
            new Dictionary<string, StepInput> { ["tokens"] = context.Planned("Tokenize").Single().AsInput() });
    }
}
