using ContrastivePipeline.Contracts;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Diagnostics;

/// <summary>
/// Diagnose: one corpus (a synthetic one, or the real training text as the reference row) measured before any model
/// trains on it: size, GOOD's and the BAD's perplexity on it, distinct-1/2/3, repeated 4-grams within a document, mean
/// document length, and a few whole documents to read.
/// </summary>
internal sealed class DiagnoseStep : IStep
{
    public string Name => DiagnoseContract.Step;

    /// <summary>Of GOOD's and BAD's runs, only the checkpoints it loads are checked against their manifests.</summary>
    public bool Reads(StepContext context, string input, string file)
    {
        if (input is not (DiagnoseContract.Good or DiagnoseContract.Bad))
            return input != "text" || file == context.Settings<DiagnoseSettings>().TextFile;
        var settings = context.Settings<DiagnoseSettings>();
        return Checkpoints.Reads(file, input == "good" ? settings.GoodStep : settings.Bad.Step);
    }

    public void Run(StepContext context)
    {
        var settings = context.Settings<DiagnoseSettings>();
        set_num_threads(context.Threads);
        var device = TrainDevice.Resolve(context.Device);
        var path = Path.Combine(context.Input(DiagnoseContract.Text), settings.TextFile);
        if (!File.Exists(path))
            throw new StepException($"{path} is missing: the text input must be a Generate or Corpus artifact");
        var documents = Documents.Read(path);
        if (documents.Count == 0)
            throw new StepException($"{path} holds no documents");
        var encoder = BpeEncoder.Load(context.Input(DiagnoseContract.Tokens));
        var tokens = documents.Select(encoder.EncodeDocument).ToList();

        using var good = Checkpoints.LoadModel(Checkpoints.Folder(context.Input(DiagnoseContract.Good), settings.GoodStep));
        using var bad = Checkpoints.LoadModel(Checkpoints.Folder(context.Input(DiagnoseContract.Bad), settings.Bad.Step), settings.Bad.Dropout);
        var length = good.Shape.Context;
        var blocks = Sample(Pack(tokens, length), length, settings.Blocks, settings.Seed);
        var workers = device.type == DeviceType.CPU ? context.Threads : 1;
        var goodPerplexity = Perplexity(good, blocks, length, device, workers, dropoutSeed: null);
        var badPerplexity = Perplexity(bad, blocks, length, device, workers, settings.Bad.Dropout > 0 ? settings.Seed : null);

        var order = documents.Select((_, i) => i).ToArray();
        new Random(settings.Seed).Shuffle(order);
        var distinct = new Distinct();
        foreach (var i in order.TakeWhile(_ => distinct.Words < settings.DistinctWords))
            distinct.Add(documents[i]);
        var ratios = distinct.Ratios();
        var words = documents.Sum(d => (long)Documents.Words(d));
        var diagnostics = new CorpusDiagnostics(documents.Count, tokens.Sum(t => (long)t.Length), words, (double)words / documents.Count,
            distinct.Words, ratios[0], ratios[1], ratios[2], RepeatedNgrams.Share(documents, 4),
            blocks.Length / length, goodPerplexity, badPerplexity, order.Take(settings.Samples).Order().Select(i => documents[i]).ToList());
        Json.Write(context.Output(CorpusDiagnostics.FileName), diagnostics);
        context.Log($"{settings.TextFile}: {diagnostics.Documents:N0} documents, {diagnostics.Tokens:N0} tokens; perplexity GOOD {goodPerplexity:F2}, " +
            $"BAD {badPerplexity:F2} on {diagnostics.Blocks} blocks; distinct-1/2/3 {ratios[0]:F3}/{ratios[1]:F3}/{ratios[2]:F3}, " +
            $"repeated 4-grams {diagnostics.Repeated4:P2}");
    }

    /// <summary>Documents back to back in blocks of <paramref name="length"/>, the last one padded (as the perplexity shard).</summary>
    static long[] Pack(IReadOnlyList<int[]> documents, int length)
    {
        var all = documents.SelectMany(d => d).Select(t => (long)t).ToList();
        var padded = (all.Count + length - 1) / length * length;
        all.AddRange(Enumerable.Repeat((long)SpecialTokens.Pad, padded - all.Count));
        return [.. all];
    }

    /// <summary>A seeded choice of <paramref name="count"/> blocks in text order; all of them when there are fewer.</summary>
    static long[] Sample(long[] packed, int length, int count, int seed)
    {
        var order = Enumerable.Range(0, packed.Length / length).ToArray();
        new Random(seed).Shuffle(order);
        return [.. order.Take(count).Order().SelectMany(b => packed.Skip(b * length).Take(length))];
    }

    static double Perplexity(Llama model, long[] blocks, int length, Device device, int workers, int? dropoutSeed)
    {
        model.to(device);
        if (dropoutSeed is { } seed)
        {
            // The dropout BAD is a BAD only with its dropout on; one thread keeps its draws the same on every run.
            model.train();
            manual_seed(seed);
            workers = 1;
        }
        return Math.Exp(Evaluation.Perplexity.BlockLosses(model, blocks, length, device, workers).Average());
    }
}
