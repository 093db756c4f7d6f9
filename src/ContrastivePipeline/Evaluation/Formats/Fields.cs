using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>Field access that names the missing field instead of throwing a bare KeyNotFoundException.</summary>
internal static class Fields
{
    public static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"missing text field \"{name}\"");

    public static string? OptionalText(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The raw JSON text of a scalar (numops is an integer in the data; keep whatever is there).</summary>
    public static string Scalar(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : throw new InvalidDataException($"missing field \"{name}\"");

    public static string[] Texts(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? throw new InvalidDataException($"\"{name}\" holds a non-text")).ToArray()
            : throw new InvalidDataException($"missing array field \"{name}\"");
}
