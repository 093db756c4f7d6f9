using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Score")]
[IsDependentOn(typeof(TrainFinalTask))]
[TaskDescription("Scores every checkpoint of every final model and GOOD (perplexity, zero-shot tasks)")]
public sealed class ScoreTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        yield return Score(context, context.Planned<TrainGoodTask>().Single(), e.Good.Seed, [e.Good.Step]);
        foreach (var run in context.Planned<TrainFinalTask>())
            yield return Score(context, run, run.Seed, CheckpointSteps(((TrainSettings)run.Settings).Train, e.Evaluate.CheckpointEvery));
    }

    /// <summary>The checkpoints scored: multiples of <paramref name="every"/> (default: every one the run saves), and the last step.</summary>
    public static List<int> CheckpointSteps(TrainConfig train, int? every)
    {
        var step = every ?? train.CheckpointEvery;
        return [.. Enumerable.Range(1, train.Steps / step).Select(i => i * step).Append(train.Steps).Distinct()];
    }

    static StepInstance Score(BuildContext context, StepInstance run, int seed, List<int> steps)
    {
        var e = context.Experiment;
        var arm = run.Arm?.Name ?? ScoreContract.Good;
        var inputs = new Dictionary<string, StepInput>
        {
            [ScoreContract.Run] = run.AsInput(),
            [ScoreContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput(),
        };
        if (e.Evaluate.Tasks is { } tasks)
            inputs[ScoreContract.Tasks] = context.Folder(tasks);
        if (e.Evaluate.Probes && e.Corpus.IsBuiltin)
            inputs[ScoreContract.Probes] = context.Planned<CorpusTask>().Single().AsInput(CorpusContract.ProbesFolder);
        var blocks = e.Evaluate.PerplexityBlocks;
        var settings = new ScoreSettings(steps, blocks, blocks is null ? null : e.Seed, e.Evaluate.BatchSize);
        return context.Step(ScoreContract.Step, $"{arm}-seed{seed}", settings, seed, inputs, run.Arm);
    }
}
