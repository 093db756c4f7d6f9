using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// Train: a Llama trained from scratch on the tokenized real text. The artifact is the run folder: every checkpoint
/// (GOOD and an early BAD are checkpoints of the base run) and <c>metrics.jsonl</c>. Killed, it resumes from its last
/// checkpoint in the partial folder.
/// </summary>
internal sealed class TrainStep : IStep
{
    public string Name => "Train";

    public bool Resumable => true;

    public void Run(StepContext context)
    {
        var settings = context.Settings<TrainSettings>();
        var path = Path.Combine(context.Input("tokens"), TokenizeStep.TrainShard);
        using var shard = TokenShard.Open(path);
        if (shard.BlockLength != settings.Model.Context)
            throw new StepException($"{path} holds blocks of {shard.BlockLength} tokens but model.context is {settings.Model.Context}; " +
                "the Tokenize step packs blocks of model.context, so rerun it");
        var shape = ModelShape.From(settings.Model, shard.VocabSize);
        var options = new TrainerOptions(settings.Seed, context.Device, context.Threads, context.Log);
        using var synthetic = settings.SyntheticRows > 0 ? OpenSynthetic(context, settings) : null;
        var realRows = settings.Train.BatchSize - settings.SyntheticRows;
        IBatchSource data = synthetic is null
            ? new ShardBatches(shard, realRows, settings.Seed)
            : new MixedBatches(new ShardBatches(shard, realRows, settings.Seed), realRows,
                new ShardBatches(synthetic, settings.SyntheticRows, settings.Seed + 1));
        using var trainer = new Trainer(shape, settings.Train, data, context.OutputFolder, options);
        context.Log($"{settings.Model.Layers} layers x {settings.Model.Hidden} hidden, vocabulary {shard.VocabSize}; " +
            $"{realRows} real + {settings.SyntheticRows} synthetic sequences of {shard.BlockLength} tokens per step");
        trainer.Run();
    }

    static TokenShard OpenSynthetic(StepContext context, TrainSettings settings)
    {
        var path = Path.Combine(context.Input("synthetic"), MixStep.SyntheticShard);
        var shard = TokenShard.Open(path);
        if (shard.BlockLength != settings.Model.Context)
            throw new StepException($"{path} holds blocks of {shard.BlockLength} tokens but model.context is {settings.Model.Context}; rerun Mix");
        return shard;
    }
}
