using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>EWoK: Context1 + " " + Target1 against Context1 + " " + Target2, scoring the targets only; grouped by Domain.</summary>
/// <remarks>The completions carry the joining space, as in the BabyLM reader (completions " " + Target).</remarks>
internal sealed class EwokFormat : IZeroShotFormat
{
    public string Folder => "ewok_filtered";

    public string Task => TaskNames.Ewok;

    public ZeroShotItem Decode(JsonElement row, string fileStem, string item) =>
        new(Task, Fields.Text(row, "Domain"), item, Fields.Text(row, "Context1"),
            [" " + Fields.Text(row, "Target1"), " " + Fields.Text(row, "Target2")], 0);
}
