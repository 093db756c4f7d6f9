namespace ContrastivePipeline.Configuration;

/// <summary>A problem with one key of an experiment file; <see cref="Key"/> is a dotted path such as <c>train.steps</c>.</summary>
public sealed record ConfigError(string Key, string Message)
{
    public ConfigError Under(string section) => this with { Key = Key.Length == 0 ? section : $"{section}.{Key}" };
}
