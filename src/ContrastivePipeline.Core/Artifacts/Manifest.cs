using System.Text.Json.Serialization;

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
    /// <summary>
    /// Outputs deleted after they were hashed (a finished run's optimizer state, checkpoints nothing reads): they keep
    /// their place in <see cref="Outputs"/>, so <see cref="Content"/>, and every key built from it, does not change.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Dropped { get; init; }
    public int Seed { get; init; }
    public required Toolchain Versions { get; init; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Ended { get; init; }
    public double DurationSeconds { get; init; }
    public string Host { get; init; } = Environment.MachineName;
    /// <summary>
    /// The host run whose step produced it: a run that waited on another's lock and then found the key complete counts
    /// it as reused, not as computed. Not part of any key.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Run { get; init; }

    /// <summary>Whether an output was dropped after it was hashed (it is not on disk, and nothing may read it).</summary>
    public bool IsDropped(string file) => Dropped?.Contains(file) == true;

    /// <summary>
    /// The hash of the output hashes (all, or those under one folder): what a downstream key hashes, so an artifact
    /// rebuilt with other bytes reruns what reads it and one rebuilt with the same bytes does not.
    /// </summary>
    public string Content(string under = "") =>
        Hash.OfParts([.. Outputs.Where(o => under.Length == 0 || o.Key.StartsWith(under + "/", StringComparison.Ordinal))
            .Select(o => $"{o.Key}={o.Value}")]);
}
