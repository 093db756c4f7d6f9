using System.Text.Json;
using ContrastivePipeline.Evaluation.Formats;

namespace ContrastivePipeline.Evaluation;

/// <summary>Loads whichever known BabyLM 2025 zero-shot sub-folders a folder holds; others are ignored.</summary>
/// <remarks>
/// The same loader reads the official evaluation data and the built-in corpus's probes (a folder with, e.g., only
/// blimp_filtered/tinyworld_*.jsonl and entity_tracking/tinyworld_boxes.jsonl). Files are read in ordinal name order
/// and items in line order, so two runs list the same items in the same order.
/// </remarks>
internal static class ZeroShotSuite
{
    public static readonly IReadOnlyList<IZeroShotFormat> Formats =
        [new BlimpFormat(), new SupplementFormat(), new EwokFormat(), new EntityTrackingFormat(), new WugFormat()];

    /// <param name="suite">When given, task names become "{suite}/{task}" so probe scores never mix with the official ones.</param>
    public static IReadOnlyList<ZeroShotItem> Load(string folder, string? suite = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: evaluation folder not found");
        var items = new List<ZeroShotItem>();
        foreach (var format in Formats)
        {
            var sub = Path.Combine(folder, format.Folder);
            if (!Directory.Exists(sub))
                continue;
            foreach (var file in Directory.EnumerateFiles(sub, "*.jsonl").Order(StringComparer.Ordinal))
                items.AddRange(ReadFile(format, file, suite));
        }
        return items;
    }

    static IEnumerable<ZeroShotItem> ReadFile(IZeroShotFormat format, string file, string? suite)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var where = $"{format.Folder}/{Path.GetFileName(file)}:{lineNumber}";
            ZeroShotItem item;
            try
            {
                using var row = JsonDocument.Parse(line);
                item = format.Decode(row.RootElement, stem, where);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException)
            {
                throw new InvalidDataException($"{file}:{lineNumber}: {e.Message}", e);
            }
            yield return suite is null ? item : item with { Task = $"{suite}/{item.Task}" };
        }
    }
}
