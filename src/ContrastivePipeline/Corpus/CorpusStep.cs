using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// Corpus: reads the sources (a folder or the built-in corpus), splits each into training text, seed pool and held-out
/// text, expands the seed pool into prompts, and writes the document sets with counts per source.
/// </summary>
internal sealed class CorpusStep : IStep
{
    public string Name => CorpusContract.Step;

    public void Run(StepContext context)
    {
        var settings = context.Settings<CorpusSettings>();
        var config = settings.Corpus;
        var sources = config.IsBuiltin
            ? TinyWorld.Generate(settings.Seed, config.Words, context.Output(CorpusContract.ProbesFolder))
            : CorpusCap.Apply(CorpusFolder.Read(context.Input(CorpusContract.Source)), config.MaxWords, settings.Seed);
        var external = context.Spec.Inputs.ContainsKey(CorpusContract.PerplexitySource);
        var heldout = external ? 0 : config.HeldoutFraction;

        var counts = new CorpusCounts();
        List<string> train = [], seedPool = [], perplexity = [];
        List<SourceDocuments> perplexitySources = [];
        foreach (var (source, split) in sources.Zip(CorpusSplit.Of(sources, settings.Seed, config.SeedFraction, heldout)))
        {
            train.AddRange(split.Train);
            seedPool.AddRange(split.SeedPool);
            perplexity.AddRange(split.Heldout);
            perplexitySources.Add(new(source.Name, split.Heldout.Count));
            counts.Add(source.Name, "train", split.Train);
            counts.Add(source.Name, "seed_pool", split.SeedPool);
            counts.Add(source.Name, "heldout", split.Heldout);
        }
        if (external)
        {
            foreach (var source in CorpusFolder.Read(context.Input(CorpusContract.PerplexitySource)))
            {
                perplexity.AddRange(source.Documents);
                perplexitySources.Add(new(source.Name, source.Documents.Count));
                counts.Add(source.Name, "perplexity", source.Documents);
            }
        }
        var prompts = seedPool.SelectMany(d => SeedExpansion.Expand(d, config.SeedMinWords, config.SeedMaxWords)).ToList();
        counts.Prompts = prompts.Count;
        Enough(settings, sources.Sum(s => s.Documents.Count), heldout, train, seedPool, prompts, perplexity);

        Documents.Write(context.Output(CorpusContract.TrainFile), train);
        Documents.Write(context.Output(CorpusContract.SeedPoolFile), seedPool);
        Documents.Write(context.Output(CorpusContract.PromptsFile), prompts);
        Documents.Write(context.Output(CorpusContract.PerplexityFile), perplexity);
        Json.Write(context.Output(CorpusContract.PerplexitySourcesFile), perplexitySources.Where(s => s.Documents > 0));
        Json.Write(context.Output(CorpusContract.CountsFile), counts);
        context.Log($"{train.Count} training documents, {seedPool.Count} seed documents -> {prompts.Count} prompts, " +
            $"{perplexity.Count} perplexity documents");
    }

    /// <summary>Refuses a corpus too small for the steps after it, here rather than after GOOD has trained.</summary>
    static void Enough(CorpusSettings settings, int documents, double heldout, List<string> train, List<string> seedPool, List<string> prompts,
        List<string> perplexity)
    {
        var config = settings.Corpus;
        var words = train.Sum(Documents.Words);
        var source = config.IsBuiltin ? $"{config.Source} ({config.Words:N0} words)" : config.Source;
        if (words <= settings.Context)
            throw new StepException($"corpus {source}: its training text has {words:N0} words, fewer than one training block of " +
                $"model.context = {settings.Context} tokens needs; give at least {settings.Context + 1:N0} words of training text " +
                "(more documents, or a smaller model.context)");
        if (seedPool.Count == 0)
            throw new StepException($"corpus {source}: the seed split (corpus.seed_fraction = {config.SeedFraction} of its " +
                $"{documents:N0} documents) holds no document, so there is no seed prompt for generation; " + Fix(documents, config.SeedFraction, "seed_fraction", heldout));
        if (prompts.Count == 0)
            throw new StepException($"corpus {source}: the seed split ({seedPool.Count} documents) gives no seed prompt for " +
                $"generation: a prompt is a document of at least corpus.seed_min_words = {config.SeedMinWords} words, or a chunk " +
                "of one; lower corpus.seed_min_words, or give longer documents");
        if (perplexity.Count == 0)
            throw new StepException($"corpus {source}: no document is held out for perplexity (corpus.heldout_fraction = " +
                $"{config.HeldoutFraction} of its {documents:N0} documents); name a folder in corpus.perplexity, or " +
                Fix(documents, config.HeldoutFraction, "heldout_fraction", config.SeedFraction));
    }

    /// <summary>
    /// What gives a share of <paramref name="documents"/>, and the other share (<paramref name="other"/>, 0 when there is
    /// none), at least one document each: a share is rounded (half to even), so it needs more than half a document.
    /// </summary>
    static string Fix(int documents, double fraction, string key, double other)
    {
        var needed = (int)(0.5 / fraction);
        while (Math.Round(needed * fraction) == 0 || (other > 0 && Math.Round(needed * other) == 0))
            needed++;
        var raise = documents > 1 ? $", or raise corpus.{key} above {0.5 / documents:G3}" : "";
        return $"give at least {needed:N0} documents{raise}";
    }
}
