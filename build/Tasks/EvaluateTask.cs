using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Evaluate")]
[IsDependentOn(typeof(TrainFinalTask))]
[TaskDescription("Scores every checkpoint of every final model and GOOD (perplexity, zero-shot tasks), then reports the comparison")]
public sealed class EvaluateTask : PipelineTask
{
    static readonly string[] Code = ["Evaluation", "Model", "Training/Checkpoints.cs", "Training/CheckpointState.cs", "Training/TrainDevice.cs",
        "Tokenization"];

    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var good = context.Planned("TrainGood").Single();
        yield return Evaluate(context, good, "good", e.Good.Seed, [e.Good.Step]);
        foreach (var run in context.Planned("TrainFinal"))
        {
            var settings = (TrainSettings)run.Settings;
            var arm = run.Instance[..run.Instance.LastIndexOf("-seed", StringComparison.Ordinal)];
            yield return Evaluate(context, run, arm, settings.Seed, CheckpointSteps(settings.Train));
        }
    }

    /// <summary>Every checkpoint a run writes: multiples of checkpoint_every, and the last step.</summary>
    public static List<int> CheckpointSteps(TrainConfig train) =>
        [.. Enumerable.Range(1, train.Steps / train.CheckpointEvery).Select(i => i * train.CheckpointEvery).Append(train.Steps).Distinct()];

    static StepInstance Evaluate(BuildContext context, StepInstance run, string arm, int seed, List<int> steps)
    {
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>
        {
            ["run"] = run.AsInput(),
            ["tokens"] = context.Planned("Tokenize").Single().AsInput(),
        };
        if (e.Evaluate.Tasks is { } tasks)
            inputs["tasks"] = context.Folder(tasks);
        if (e.Evaluate.Probes && e.Corpus.IsBuiltin)
        {
            var corpus = context.Planned("Corpus").Single();
            inputs["probes"] = new(Path.Combine(corpus.Folder, "probes"), Hash.OfParts(corpus.Key, "probes"));
        }
        var settings = new EvaluateSettings(arm, seed, steps, e.Evaluate.PerplexityBlocks, e.Evaluate.BatchSize);
        return context.Step("Evaluate", $"{arm}-seed{seed}", settings, seed, Code, inputs);
    }
}
