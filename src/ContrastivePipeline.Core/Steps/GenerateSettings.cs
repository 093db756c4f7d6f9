using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Generate step reads: the sampling settings (those its strategy does not read hold their defaults, so
/// changing them reruns no corpus of that strategy), the strategy, GOOD's checkpoint, BAD's checkpoint and dropout
/// (contrastive decoding only), and the experiment seed that every row's random stream derives from.
/// </summary>
public sealed record GenerateSettings(GenerateConfig Generate, DecodingStrategy Strategy, int GoodStep, BadCheckpoint? Bad, int Seed)
    : IReadsCheckpoints, IChoosesCode
{
    public IEnumerable<Type> ChosenCode() => [Strategy.GetType()];

    public IEnumerable<CheckpointRead> CheckpointsRead() => Bad is { } bad ? [new(GenerateContract.Good, GoodStep), new(GenerateContract.Bad, bad.Step)] : [new(GenerateContract.Good, GoodStep)];

    public static GenerateSettings For(GenerateConfig config, DecodingStrategy strategy, int goodStep, BadCheckpoint? bad, int seed)
    {
        var defaults = new GenerateConfig();
        var truncation = config.TopK is not null || config.TopP is not null;
        var read = config with
        {
            Alpha = strategy.Head ? config.Alpha : defaults.Alpha,
            Lambda = strategy.Contrast ? config.Lambda : defaults.Lambda,
            Penalty = strategy.Head || truncation ? config.Penalty : defaults.Penalty,
        };
        return new(read, strategy, goodStep, strategy.Contrast ? bad : null, seed);
    }
}
