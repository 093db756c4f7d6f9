namespace ContrastivePipeline.Configuration;

/// <summary>The BAD (amateur) model of contrastive decoding (PAPER.md 3.4).</summary>
public sealed record BadConfig
{
    public BadKind Kind { get; init; } = BadKind.Early;

    /// <summary>early: the base run's checkpoint (paper 500); small: the small run's checkpoint (paper 2500).</summary>
    public int Step { get; init; } = 500;

    /// <summary>dropout: attention dropout p kept on at inference (paper 0.1 to 0.7).</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>small: the smaller model's sizes (paper CD-SMALL-20: 6 layers x 256 hidden).</summary>
    public ModelConfig Model { get; init; } = new() { Layers = 2, Hidden = 128, Heads = 2, Intermediate = 512 };

    internal IEnumerable<ConfigError> Validate()
    {
        if (Step < 1)
            yield return new("step", $"must be at least 1, got {Step}");
        if (Dropout is <= 0 or >= 1 || double.IsNaN(Dropout))
            yield return new("dropout", $"must be in (0, 1), got {Dropout}");
        foreach (var e in Model.Validate())
            yield return e.Under("model");
    }
}
