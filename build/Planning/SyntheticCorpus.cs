using ContrastivePipeline.Build.Tasks;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Planning;

/// <summary>One synthetic corpus's Generate instance, as both Generate tasks plan it.</summary>
internal static class SyntheticCorpus
{
    /// <summary>
    /// BAD's run and checkpoint enter the instance exactly when the strategy contrasts (<see cref="DecodingStrategy.Contrast"/>),
    /// the one fact that decides whether Generate reads a BAD.
    /// </summary>
    /// <param name="bad">The BAD model; required for a strategy that contrasts, null otherwise.</param>
    public static StepInstance Plan(BuildContext context, DecodingStrategy strategy, string name, BadConfig? bad)
    {
        if (strategy.Contrast != bad is not null)
            throw new InvalidOperationException($"strategy {strategy} {(strategy.Contrast ? "contrasts and needs" : "does not contrast and takes no")} BAD model");
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>
        {
            [GenerateContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput(),
            [GenerateContract.Good] = context.Planned<TrainGoodTask>().Single().AsInput(),
        };
        BadCheckpoint? checkpoint = null;
        if (bad is not null)
        {
            inputs[GenerateContract.Bad] = BadRun.Of(context, bad).AsInput();
            checkpoint = bad.Rules().Checkpoint(bad, e.Good.Step);
        }
        var settings = GenerateSettings.For(e.Generate, strategy, e.Good.Step, checkpoint, e.Seed);
        return context.Step(GenerateContract.Step, name, settings, e.Seed, inputs);
    }
}
