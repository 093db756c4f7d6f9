using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("TrainBad")]
[IsDependentOn(typeof(TrainGoodTask))]
[TaskDescription("The BAD models: early checkpoints of the base run (no work), smaller models (trained here), or GOOD with dropout")]
public sealed class TrainBadTask : PipelineTask
{
    /// <summary>
    /// One run per distinct small model and seed, with GOOD's recipe (PAPER.md 3.4: seed 42, 8000 steps, step 2500 read):
    /// BADs that differ only in the step they read share it.
    /// </summary>
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var small = e.Bad.Where(b => b.Rules().OwnRun).DistinctBy(b => (b.Model, b.Seed)).ToList();
        foreach (var bad in small)
        {
            var name = small.Count == 1 ? "bad-small" : $"bad-{bad.Label()}";
            yield return context.Step(TrainContract.Step, name, new TrainSettings(bad.Model, e.Train, bad.Seed), bad.Seed,
                new Dictionary<string, StepInput> { [TrainContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput() });
        }
    }
}
