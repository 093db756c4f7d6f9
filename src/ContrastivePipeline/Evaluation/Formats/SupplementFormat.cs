using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>BLiMP supplement: BLiMP pairs without a UID field; the file name is the group (as the BabyLM reader does).</summary>
internal sealed class SupplementFormat : IZeroShotFormat
{
    public string Folder => "supplement_filtered";

    public string Task => TaskNames.BlimpSupplement;

    // Sentences may hold newlines (turn_taking dialogues); they are scored as written.
    public ZeroShotItem Decode(JsonElement row, string fileStem, string item) =>
        new(Task, fileStem, item, "", [Fields.Text(row, "sentence_good"), Fields.Text(row, "sentence_bad")], 0);
}
