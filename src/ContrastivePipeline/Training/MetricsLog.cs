using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContrastivePipeline.Training;

/// <summary>
/// Appends one JSON line per step to <c>metrics.jsonl</c>. On resume it first drops the lines of steps after the
/// checkpoint (and a line half-written by a kill), so the file always reads as one uninterrupted run.
/// </summary>
internal sealed class MetricsLog : IDisposable
{
    // A diverging step's gradient norm can be infinite; JSON has no literal for it, so write "Infinity" as Python does.
    static readonly JsonSerializerOptions Options = new(Json.Canonical)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    readonly StreamWriter writer;

    public MetricsLog(string path, long keepThroughStep)
    {
        if (File.Exists(path))
        {
            var kept = Kept(path, keepThroughStep);
            AtomicFile.Write(path, tmp => File.WriteAllLines(tmp, kept));
        }
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    /// <summary>The hash of what a resume from <paramref name="step"/> keeps of the file (a checkpoint records it).</summary>
    public static string Hash(string path, long step) => Artifacts.Hash.OfText(string.Concat(Kept(path, step).Select(line => line + "\n")));

    static List<string> Kept(string path, long step) => File.Exists(path)
        ? [.. File.ReadLines(path).Where(line => StepOf(line) is { } s && s <= step)]
        : [];

    public void Append(StepMetrics metrics) => writer.WriteLine(JsonSerializer.Serialize(metrics, Options));

    public void Dispose() => writer.Dispose();

    static long? StepOf(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<StepMetrics>(line, Options)?.Step;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
