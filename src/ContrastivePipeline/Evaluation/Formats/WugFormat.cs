using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>WUG adjective nominalization: "sentences" holds TAB-separated candidates, the first correct; one group.</summary>
/// <remarks>
/// The paper scores WUG as accuracy (first sentence preferred); the BabyLM pipeline reports a Spearman correlation
/// with the human "ratio" instead. We follow the paper.
/// </remarks>
internal sealed class WugFormat : IZeroShotFormat
{
    public string Folder => "wug_adj_nominalization";

    public string Task => TaskNames.Wug;

    public ZeroShotItem Decode(JsonElement row, string fileStem, string item)
    {
        var sentences = Fields.Text(row, "sentences").Split('\t');
        if (sentences.Length < 2)
            throw new InvalidDataException("\"sentences\" holds fewer than two TAB-separated candidates");
        return new(Task, Folder, item, "", sentences, 0);
    }
}
