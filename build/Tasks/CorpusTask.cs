using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Corpus")]
[TaskDescription("Reads the real corpus, splits it into training text, seed pool and perplexity text, expands seed prompts")]
public sealed class CorpusTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var corpus = context.Experiment.Corpus;
        var inputs = new Dictionary<string, StepInput>();
        if (!corpus.IsBuiltin)
            inputs[CorpusContract.Source] = context.Folder(corpus.Source);
        if (corpus.Perplexity is { } perplexity)
            inputs[CorpusContract.PerplexitySource] = context.Folder(perplexity);
        // Settings hold only what the step reads: the built-in corpus is sized by words, a folder cut by max_words.
        var read = corpus.IsBuiltin ? corpus with { MaxWords = null } : corpus with { Words = 0 };
        yield return context.Step(CorpusContract.Step, "corpus", new CorpusSettings(read, context.Experiment.Seed, context.Experiment.Model.Context),
            context.Experiment.Seed, inputs);
    }
}
