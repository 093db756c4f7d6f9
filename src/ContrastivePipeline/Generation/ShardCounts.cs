using System.Text.Json.Serialization;

namespace ContrastivePipeline.Generation;

/// <summary>
/// What one finished shard holds; <c>shards/shard_NNNN.json</c>, written after its text and read on resume, with the
/// hash of that text (<see cref="Text"/>) so a resume can tell a damaged shard. Its time is logged, not stored: an
/// artifact holds results only, so a rebuild with the same results has the same bytes.
/// </summary>
internal sealed record ShardCounts(int Prompts, int Samples, long PrefixTokens, long GeneratedTokens, long OutsideHead,
    [property: JsonIgnore] double Seconds, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null)
{
    public static readonly ShardCounts Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two shards' counts (it is the text of neither).</summary>
    public ShardCounts Plus(ShardCounts o) => new(Prompts + o.Prompts, Samples + o.Samples, PrefixTokens + o.PrefixTokens,
        GeneratedTokens + o.GeneratedTokens, OutsideHead + o.OutsideHead, Seconds + o.Seconds);
}
