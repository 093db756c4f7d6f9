using ContrastivePipeline.Build.Internal;
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
            inputs["source"] = context.Folder(corpus.Source);
        if (corpus.Perplexity is { } perplexity)
            inputs["perplexity"] = context.Folder(perplexity);
        yield return context.Step("Corpus", "corpus", new CorpusSettings(corpus, context.Experiment.Seed, context.Experiment.Model.Context),
            context.Experiment.Seed, inputs);
    }
}
