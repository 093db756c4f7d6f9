using ContrastivePipeline.Contracts;
using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.TensorBoard;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// Train: a Llama trained from scratch on the tokenized real text (and, for a mixture arm, the synthetic stream of a
/// Mix step). The artifact is the run folder: every checkpoint (GOOD and an early BAD are checkpoints of the base run)
/// and <c>metrics.jsonl</c>. Killed, it resumes from its last checkpoint in the partial folder.
/// </summary>
internal sealed class TrainStep : IStep
{
    public string Name => TrainContract.Step;

    public bool Resumable => true;

    public void Run(StepContext context)
    {
        var settings = context.Settings<TrainSettings>();
        var blockLength = settings.Model.Context;
        using var real = DocumentShard.Open(Path.Combine(context.Input(TrainContract.Tokens), TokenizeContract.TrainShard));
        using var synthetic = settings.SyntheticRows > 0 ? OpenSynthetic(context, real) : null;
        var realRows = settings.Train.BatchSize - settings.SyntheticRows;
        // Both streams are shuffled with the run seed (PAPER.md 3.3); they hold different documents.
        var data = new MixedBatches(new DocumentStream(real, realRows, blockLength, settings.Seed),
            synthetic is null ? null : new DocumentStream(synthetic, settings.SyntheticRows, blockLength, settings.Seed),
            settings.Synthetic, settings.Train.BatchSize, blockLength);
        var shape = ModelShape.From(settings.Model, real.VocabSize);
        var options = new TrainerOptions(settings.Seed, context.Device, context.Threads, context.Log, () => StopRequest.Signal);
        StopRequest.Listen();
        using var trainer = new Trainer(shape, settings.Train, data, context.OutputFolder, options);
        using var events = EventWriter.Open(context.Spec.TensorBoard, Name);
        if (events is not null)
            trainer.StepCompleted += new TrainCurves(events, settings.Synthetic?.Fraction).Log;
        context.Log($"{settings.Model.Layers} layers x {settings.Model.Hidden} hidden, vocabulary {real.VocabSize}; " +
            $"{realRows} real + {settings.SyntheticRows} synthetic sequences of {blockLength} tokens per step");
        trainer.Run();
    }

    static DocumentShard OpenSynthetic(StepContext context, DocumentShard real)
    {
        var shard = DocumentShard.Open(Path.Combine(context.Input(TrainContract.Synthetic), MixContract.SyntheticShard));
        if (shard.TokenizerHash != real.TokenizerHash)
            throw new StepException($"{shard.Path} was encoded by another tokenizer than {real.Path}; rerun Mix");
        return shard;
    }
}
