using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Diagnose")]
[IsDependentOn(typeof(GenerateAncestralTask))]
[IsDependentOn(typeof(GenerateContrastiveTask))]
[TaskDescription("Measures every synthetic corpus and the real training text: GOOD's and BAD's perplexity on it, distinct-n, repeated 4-grams, samples")]
public sealed class DiagnoseTask : PipelineTask
{
    // 256 blocks bound the cost (two forward passes over ~33k tokens at context 128); distinct-n is counted on ~50k
    // words of each corpus, so texts of one size compare (a corpus smaller than that is counted whole; the report says how many words).
    const int Blocks = 256, Samples = 3, DistinctWords = 50_000;

    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var e = context.Experiment;
        var good = context.Planned<TrainGoodTask>().Single();
        // A contrastive corpus is read against its own BAD; every other row against the experiment's first BAD.
        var first = (Run: BadRun.Of(context, e.Bad[0]), Checkpoint: e.Bad[0].Rules().Checkpoint(e.Bad[0], e.Good.Step));
        yield return Diagnose(context, DiagnoseContract.Real, context.Planned<CorpusTask>().Single().AsInput(), CorpusContract.TrainFile, good, first);
        foreach (var corpus in context.Planned<GenerateAncestralTask>().Concat(context.Planned<GenerateContrastiveTask>()))
        {
            var settings = (GenerateSettings)corpus.Settings;
            var bad = settings.Bad is { } own ? (((ArtifactInput)corpus.Inputs[GenerateContract.Bad]).Source, own) : first;
            yield return Diagnose(context, corpus.Instance, corpus.AsInput(), GenerateContract.CorpusFile, good, bad);
        }
    }

    static StepInstance Diagnose(BuildContext context, string name, StepInput text, string file, StepInstance good, (StepInstance Run, BadCheckpoint Checkpoint) bad)
    {
        var e = context.Experiment;
        var inputs = new Dictionary<string, StepInput>
        {
            [DiagnoseContract.Text] = text,
            [DiagnoseContract.Tokens] = context.Planned<TokenizeTask>().Single().AsInput(),
            [DiagnoseContract.Good] = good.AsInput(),
            [DiagnoseContract.Bad] = bad.Run.AsInput(),
        };
        return context.Step(DiagnoseContract.Step, name, new DiagnoseSettings(file, e.Good.Step, bad.Checkpoint, Blocks, Samples, DistinctWords, e.Seed), e.Seed, inputs);
    }
}
