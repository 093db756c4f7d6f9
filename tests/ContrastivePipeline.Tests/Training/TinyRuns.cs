using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

internal static class TinyRuns
{
    public static readonly TrainConfig Config = new()
    {
        Steps = 6,
        BatchSize = 3,
        LearningRate = 1e-2,
        WarmupSteps = 2,
        WeightDecay = 0.1,
        GradClip = 1.0,
        CheckpointEvery = 2,
    };

    public static Trainer Trainer(string folder, TrainConfig? config = null, Action<string>? log = null, Func<string?>? stopAsked = null) => new(
        TinyModels.Shape, config ?? Config, new RandomBatches(TinyModels.Shape.Vocab, seed: 7), folder,
        new TrainerOptions(Seed: 42, Device: "cpu", Threads: 1, Log: log ?? (_ => { }), StopAsked: stopAsked));
}
