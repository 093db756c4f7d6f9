namespace ContrastivePipeline.Artifacts;

/// <summary>Written last into an artifact folder: an artifact without one is never reused.</summary>
public sealed record Manifest
{
    public required string Step { get; init; }
    public required string Key { get; init; }
    public required string Instance { get; init; }
    public required KeyParts Parts { get; init; }
    public required Dictionary<string, string> InputKeys { get; init; }
    /// <summary>Relative path (forward slashes) to XxHash128 of the file.</summary>
    public required SortedDictionary<string, string> Outputs { get; init; }
    public int Seed { get; init; }
    public required Toolchain Versions { get; init; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Ended { get; init; }
    public double DurationSeconds { get; init; }
    public string Host { get; init; } = Environment.MachineName;
}
