namespace ContrastivePipeline.Configuration;

/// <summary>GOOD is a checkpoint of the base run on real data (PAPER.md 3.4: step 2500 of 8000, seed 43).</summary>
public sealed record GoodConfig
{
    /// <summary>The checkpoint of the base run that is GOOD; a multiple of train.checkpoint_every or train.steps.</summary>
    public int Step { get; init; } = 1000;

    /// <summary>Seed of the base run.</summary>
    public int Seed { get; init; } = 43;
}
