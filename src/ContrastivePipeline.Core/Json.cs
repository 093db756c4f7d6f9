using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContrastivePipeline;

/// <summary>The one JSON style of the project: snake_case keys, indented, enums as text.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Canonical single-line form, used for hashing: declaration order, shortest round-trip numbers.</summary>
    public static readonly JsonSerializerOptions Canonical = new(Options) { WriteIndented = false };

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: empty JSON document");

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void Write<T>(string path, T value)
    {
        AtomicFile.Write(path, tmp => File.WriteAllText(tmp, JsonSerializer.Serialize(value, Options) + "\n"));
    }
}
