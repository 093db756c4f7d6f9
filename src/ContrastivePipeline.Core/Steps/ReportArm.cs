using System.Text.Json.Serialization;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>One arm of the comparison as the report lists it.</summary>
/// <param name="Corpus">The synthetic corpus mixed in (ancestral, contrastive, contrastive-early-100, head-only), or baseline;
/// a ratio sweep has several arms of one corpus.</param>
/// <param name="Ratio">The nominal mixing ratio (the paper's 0.3; 0 for the baseline).</param>
/// <param name="PerDeviceBatch">The unit the ratio is floored over (mix.per_device_batch, the paper's 16).</param>
public sealed record ReportArm(string Name, string Corpus, double Ratio, int PerDeviceBatch)
{
    /// <summary>The arm's synthetic rows and actual fraction, by the one mixing rule: int(16 × 0.3)/16 = 0.25 for 0.3.</summary>
    [JsonIgnore]
    public SyntheticShare Share => new(Ratio, PerDeviceBatch);
}
