using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContrastivePipeline.Evaluation;

/// <summary>Per-item predictions as JSONL, one <see cref="ItemResult"/> per line, so every score traces to its items.</summary>
/// <remarks>Keys: task, group, item, label, log_probs, predicted (null on a tie), tied, correct.</remarks>
internal static class PredictionsFile
{
    // -Infinity is a real log-prob (a token the fp32 softmax underflowed to 0); keep it rather than fail.
    static readonly JsonSerializerOptions Options = new(Json.Canonical)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string path, IEnumerable<T> rows)
    {
        AtomicFile.Write(path, tmp =>
        {
            using var writer = new StreamWriter(tmp);
            foreach (var row in rows)
                writer.Write(JsonSerializer.Serialize(row, Options) + "\n");
        });
    }

    public static IReadOnlyList<T> Read<T>(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<T>(l, Options) ?? throw new InvalidDataException($"{path}: empty line"))
            .ToList();
}
