using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline;

/// <summary>
/// JSON that a resume trusts (a checkpoint's <c>state.json</c>, a generation shard's counts), written with the hash of
/// its own values under <c>"seal"</c>: a changed byte that still parses (a digit, a letter of the RNG state) no longer
/// matches it, so the file is told from the one that was written. Readers that do not check ignore the extra key.
/// </summary>
internal static class SealedJson
{
    public const string Key = "seal";

    /// <summary>The file's bytes: <paramref name="value"/> in <see cref="Json.Options"/> with its seal.</summary>
    public static byte[] Bytes<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, Json.Options)?.AsObject()
            ?? throw new ArgumentException("only an object can be sealed", nameof(value));
        node[Key] = Seal(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString(Json.Options) + "\n");
    }

    public static void Write<T>(string path, T value) => AtomicFile.Write(path, tmp => File.WriteAllBytes(tmp, Bytes(value)));

    /// <summary>The value, once its seal is checked; <see cref="InvalidDataException"/> names what is wrong.</summary>
    public static T Read<T>(string path) =>
        Damage(path) is { } damage ? throw new InvalidDataException($"{path}: {damage}") : Json.Read<T>(path);

    /// <summary>Why <paramref name="path"/> is not the file as written (unreadable, unsealed, a value changed), or null.</summary>
    public static string? Damage(string path)
    {
        JsonObject node;
        try
        {
            node = JsonNode.Parse(File.ReadAllBytes(path))?.AsObject() ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException)
        {
            return $"{Path.GetFileName(path)} cannot be read";
        }
        if (node[Key] is not JsonValue recorded || recorded.GetValueKind() != JsonValueKind.String)
            return $"{Path.GetFileName(path)} has no seal";
        node.Remove(Key);
        return recorded.GetValue<string>() == Seal(node) ? null : $"{Path.GetFileName(path)} does not match its seal";
    }

    static string Seal(JsonObject values) => Hash.OfText(values.ToJsonString(Json.Canonical));
}
