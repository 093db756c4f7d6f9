using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Tokenize")]
[IsDependentOn(typeof(CorpusTask))]
[TaskDescription("Trains the BPE tokenizer (byte-level or SentencePiece-style) on the training text; encodes the training documents, the prompts and the perplexity blocks")]
public sealed class TokenizeTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var corpus = context.Planned<CorpusTask>().Single();
        yield return context.Step(TokenizeContract.Step, "tokenizer",
            new TokenizeSettings(context.Experiment.Tokenizer, context.Experiment.Model.Context), context.Experiment.Seed,
            new Dictionary<string, StepInput> { [TokenizeContract.Corpus] = corpus.AsInput() });
    }
}
