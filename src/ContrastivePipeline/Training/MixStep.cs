using ContrastivePipeline.Contracts;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// Mix: turns a synthetic corpus into a training stream. As the paper's code, a seeded 95% of the synthetic documents
/// is kept (<c>synthetic_train</c>), each wrapped in <c>&lt;s&gt; ... &lt;/s&gt;</c>. They stay unpacked: the Train step
/// shuffles the documents with its run seed and packs them into blocks (PAPER.md 3.3), and applies the mixing ratio
/// per device batch.
/// </summary>
internal sealed class MixStep : IStep
{
    public string Name => MixContract.Step;

    public void Run(StepContext context)
    {
        var settings = context.Settings<MixSettings>();
        var corpus = Path.Combine(context.Input(MixContract.Synthetic), GenerateContract.CorpusFile);
        var documents = Documents.Read(corpus);
        var order = Enumerable.Range(0, documents.Count).ToArray();
        new Random(settings.Seed).Shuffle(order);
        var kept = order.Take((int)Math.Round(documents.Count * settings.TrainFraction)).Order().Select(i => documents[i]).ToList();
        if (kept.Count == 0)
            throw new StepException($"{corpus} holds no documents to train on; check the Generate step's stats.json");

        var encoder = BpeEncoder.Load(context.Input(MixContract.Tokens));
        using var writer = new DocumentShardWriter(context.Output(MixContract.SyntheticShard), encoder.VocabSize, encoder.Hash);
        foreach (var document in kept)
            writer.Append(encoder.EncodeDocument(document));
        writer.Complete();
        context.Log($"{kept.Count} of {documents.Count} synthetic documents -> {writer.Tokens} tokens");
    }
}
