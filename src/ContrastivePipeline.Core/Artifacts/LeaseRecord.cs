using System.Text.Json;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// What <c>&lt;key&gt;.lease</c> holds: who holds the key, the token that tells this lease from a later one at the same
/// path, the start time of the holder's process (so a reused pid is not taken for it) and how long the lease lasts.
/// </summary>
internal sealed record LeaseRecord(LockHolder Holder, string Token, long? ProcessStart, double Seconds, DateTimeOffset RenewedAt)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    /// <summary>The record, or null when the bytes are not one (a lease being written, or a damaged one).</summary>
    public static LeaseRecord? Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return bytes.IsEmpty ? null : JsonSerializer.Deserialize<LeaseRecord>(bytes, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
