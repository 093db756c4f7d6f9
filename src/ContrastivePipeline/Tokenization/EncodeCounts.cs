using System.Text.Json.Serialization;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// What one encoding pass did, as tokenize.json and the benchmark report it. Times and speeds are logged, not stored
/// in the artifact: it holds results only, so a rebuild with the same results has the same bytes (keys hash contents).
/// </summary>
internal sealed record EncodeCounts(int Documents, long Tokens, long TextBytes, [property: JsonIgnore] double Seconds)
{
    public long Blocks { get; init; }

    [JsonIgnore]
    public double TokensPerSecond => Tokens / Math.Max(Seconds, 1e-9);

    [JsonIgnore]
    public double MegabytesPerSecond => TextBytes / 1e6 / Math.Max(Seconds, 1e-9);
}
