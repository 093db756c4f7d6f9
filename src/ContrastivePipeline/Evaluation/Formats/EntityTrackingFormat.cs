using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>Entity tracking: input_prefix + each of the options, options[0] correct; group "{file}_{numops}_ops".</summary>
/// <remarks>The prefix ends in a space ("Box 0 contains "); see <see cref="CandidateScorer"/> for the boundary token.</remarks>
internal sealed class EntityTrackingFormat : IZeroShotFormat
{
    public string Folder => "entity_tracking";

    public string Task => TaskNames.EntityTracking;

    public ZeroShotItem Decode(JsonElement row, string fileStem, string item) =>
        new(Task, $"{fileStem}_{Fields.Scalar(row, "numops")}_ops", item, Fields.Text(row, "input_prefix"),
            Fields.Texts(row, "options"), 0);
}
