using YamlDotNet.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// The BAD (amateur) model of contrastive decoding (PAPER.md 3.4). An experiment lists one or several; each gives its
/// own contrastive corpus and arms.
/// </summary>
public sealed record BadConfig
{
    /// <summary>Names the contrastive corpus and its arms when several BAD models are listed; defaults to <see cref="Label"/>.</summary>
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.OmitNull)]
    public string? Name { get; init; }

    public BadKind Kind { get; init; } = BadKind.Early;

    /// <summary>early: the base run's checkpoint (paper 500); small: the small run's checkpoint (paper 2500 of 8000).</summary>
    public int Step { get; init; } = 500;

    /// <summary>small: the seed of the small run (paper 42, while GOOD's run is seed 43); early and dropout read GOOD's run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>dropout: attention dropout p kept on at inference (paper 0.1 to 0.7).</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>small: the smaller model's sizes (paper CD-SMALL-20: 6 layers x 256 hidden).</summary>
    public ModelConfig Model { get; init; } = new() { Layers = 2, Hidden = 128, Heads = 2, Intermediate = 512 };

    /// <summary>The paper's name of this BAD: early-500 (CD-EARLY-500), small-2500, dropout-0.5; or the given name.</summary>
    public string Label() => Name ?? Rules().Label(this);

    /// <summary>What this BAD's kind means: which run, checkpoint and dropout (see <see cref="BadRules"/>).</summary>
    public BadRules Rules() => BadRules.Of(Kind);

    internal IEnumerable<ConfigError> Validate()
    {
        if (Name is { } name && !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9.-]*$"))
            yield return new("name", $"must be lower-case letters, digits, '.' and '-' (it names folders), got '{name}'");
        if (Step < 1)
            yield return new("step", $"must be at least 1, got {Step}");
        if (Dropout is <= 0 or >= 1 || double.IsNaN(Dropout))
            yield return new("dropout", $"must be in (0, 1), got {Dropout}");
        foreach (var e in Model.Validate())
            yield return e.Under("model");
    }
}
