using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// The hashes of a finished part of a partial folder that a killed step resumes from (an evaluation's step folder),
/// written after its files: a part whose files no longer match them is damaged, and is made again rather than
/// committed.
/// </summary>
internal static class PartHashes
{
    public const string FileName = "hashes.json";

    public static void Write(string folder) => Json.Write(Path.Combine(folder, FileName), Of(folder));

    /// <summary>Why the part in <paramref name="folder"/> cannot be kept (a file changed, missing or added), or null.</summary>
    public static string? Damage(string folder)
    {
        SortedDictionary<string, string> recorded;
        try
        {
            recorded = Json.Read<SortedDictionary<string, string>>(Path.Combine(folder, FileName));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return $"its {FileName} cannot be read";
        }
        var actual = Of(folder);
        return recorded.Keys.Union(actual.Keys).FirstOrDefault(f => recorded.GetValueOrDefault(f) != actual.GetValueOrDefault(f)) is { } file
            ? $"{file} does not match the hash its {FileName} recorded"
            : null;
    }

    static SortedDictionary<string, string> Of(string folder) => new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Where(f => f != FileName)
        .ToDictionary(f => f, f => Hash.OfFile(Path.Combine(folder, f))), StringComparer.Ordinal);
}
