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
            var kept = File.ReadLines(path).Where(line => StepOf(line) is { } step && step <= keepThroughStep).ToList();
            File.WriteAllLines(path + ".tmp", kept);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

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
