using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>BLiMP minimal pairs: whole sentences, sentence_good first; grouped by UID (the paradigm), else by file.</summary>
internal sealed class BlimpFormat : IZeroShotFormat
{
    public string Folder => "blimp_filtered";

    public string Task => TaskNames.Blimp;

    public ZeroShotItem Decode(JsonElement row, string fileStem, string item) =>
        new(Task, Fields.OptionalText(row, "UID") ?? fileStem, item, "",
            [Fields.Text(row, "sentence_good"), Fields.Text(row, "sentence_bad")], 0);
}
