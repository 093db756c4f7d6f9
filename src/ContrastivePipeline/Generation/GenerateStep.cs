using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.TensorBoard;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Generate: one synthetic corpus per decoding strategy from the seed prompts (PAPER.md 2.3, 2.4, 4). Writes
/// <c>corpus.txt</c> (the corpus text format), <c>stats.json</c>, and <c>shards/</c> (one text and one counts file per
/// contiguous range of prompts). Killed, it resumes at the first shard without its counts file.
/// </summary>
internal sealed class GenerateStep : IStep
{
    public string Name => GenerateContract.Step;

    public bool Resumable => true;

    /// <summary>Of GOOD's and BAD's runs, only the checkpoints it loads are checked against their manifests.</summary>
    public bool Reads(StepContext context, string input, string file)
    {
        if (input is not (GenerateContract.Good or GenerateContract.Bad))
            return true;
        var settings = context.Settings<GenerateSettings>();
        return Checkpoints.Reads(file, input == "good" ? settings.GoodStep : settings.Bad!.Step);
    }

    public void Run(StepContext context)
    {
        var settings = context.Settings<GenerateSettings>();
        var config = settings.Generate;
        set_num_threads(context.Threads);
        var device = TrainDevice.Resolve(context.Device);
        var folder = context.Input(GenerateContract.Tokens);
        using var prompts = PromptShard.Open(Path.Combine(folder, TokenizeContract.PromptShard));
        var encoder = BpeEncoder.Load(folder);
        var chosen = PromptChoice.Of(prompts.Count, config.MaxPrompts, settings.Seed);
        var count = chosen.Length;
        if (count == 0)
            throw new StepException($"{folder}/{TokenizeContract.PromptShard} holds no prompts: the seed split is empty");

        var decoding = Decoding.For(settings.Strategy, config);
        using var good = Load(context.Input(GenerateContract.Good), settings.GoodStep, 0.0, prompts.VocabSize, device);
        using var bad = settings.Strategy.Contrast ? LoadBad(context, settings, prompts.VocabSize, device) : null;
        context.Log($"{settings.Strategy} from GOOD step {settings.GoodStep}" +
            (settings.Bad is not { } b ? "" : $", BAD step {b.Step}{(b.Dropout > 0 ? $" with dropout {b.Dropout}" : "")}") +
            $": {count:N0} prompts x {config.Continuations} x {config.NewTokens} tokens");

        var loop = new GenerationLoop(good, bad, decoding, new Truncation(config.TopK, config.TopP, config.Penalty), device);
        var shards = new GenerateShards(context.OutputFolder, config, settings.Seed, count);
        using var events = EventWriter.Open(context.Spec.TensorBoard, Name);
        var counts = shards.Run(loop, i => prompts.Prompt(chosen[i]), encoder, context.Log, events);
        var stats = CorpusWriter.Write(context.Output(GenerateContract.CorpusFile), shards.TextFiles, settings.Strategy, counts);
        Json.Write(context.Output(GenerateContract.StatsFile), stats);
        context.Log($"{stats.Documents:N0} documents, {stats.GeneratedTokens:N0} new tokens in {stats.GenerationSeconds:F1} s, distinct-4 {stats.Distinct4:F3}" +
            (stats.OutsideHeadShare is { } share ? $", outside the head {share:P4}" : ""));
    }

    static CachedLlama LoadBad(StepContext context, GenerateSettings settings, int vocab, Device device) =>
        settings.Bad is { } bad ? Load(context.Input(GenerateContract.Bad), bad.Step, bad.Dropout, vocab, device)
            : throw new StepException($"{settings.Strategy} decoding needs a BAD model, and the step's settings name none");

    /// <summary>A checkpoint as a cached decoder; dropout above 0 keeps attention dropout on (the model in train mode).</summary>
    static CachedLlama Load(string runFolder, int step, double dropout, int vocab, Device device)
    {
        var folder = Checkpoints.Folder(runFolder, step);
        if (!File.Exists(Path.Combine(folder, RunLayout.ModelFile)))
            throw new StepException($"{folder} holds no {RunLayout.ModelFile}: step {step} was not saved by that training run");
        using var model = Checkpoints.LoadModel(folder, dropout);
        if (model.Shape.Vocab != vocab)
            throw new StepException($"{folder}: the model has {model.Shape.Vocab} tokens but the prompts were encoded with {vocab}; " +
                "GOOD, BAD and the prompts must come from the same Tokenize step");
        model.to(device);
        return new CachedLlama(model, dropout);
    }
}
