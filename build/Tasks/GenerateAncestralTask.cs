using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("GenerateAncestral")]
[IsDependentOn(typeof(TrainGoodTask))]
[TaskDescription("Samples the comparison corpus from GOOD by plain ancestral sampling (the paper's No-Contrast)")]
public sealed class GenerateAncestralTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context) =>
        context.Experiment.Mix.Strategies.Where(s => !s.Head).Select(s => Generate(context, s, s.Name, bad: null));

    /// <summary>One synthetic corpus; BAD's checkpoint enters the key only for a strategy that contrasts, the one that reads it.</summary>
    /// <param name="bad">The BAD model and the run its weights come from; contrastive decoding only.</param>
    public static StepInstance Generate(BuildContext context, DecodingStrategy strategy, string name, (BadConfig Config, StepInstance Run)? bad)
    {
        var e = context.Experiment;
        var good = context.Planned<TrainGoodTask>().Single();
        var inputs = new Dictionary<string, StepInput>
        {
            [GenerateContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput(),
            [GenerateContract.Good] = good.AsInput(),
        };
        BadCheckpoint? checkpoint = null;
        if (bad is var (config, run))
        {
            inputs[GenerateContract.Bad] = run.AsInput();
            checkpoint = config.Rules().Checkpoint(config, e.Good.Step);
        }
        var settings = GenerateSettings.For(e.Generate, strategy, e.Good.Step, checkpoint, e.Seed);
        return context.Step(GenerateContract.Step, name, settings, e.Seed, inputs);
    }
}
