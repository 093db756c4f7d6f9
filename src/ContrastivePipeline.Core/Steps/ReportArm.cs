namespace ContrastivePipeline.Steps;

/// <summary>One arm as the report describes it.</summary>
/// <param name="Corpus">The synthetic corpus mixed in (ancestral, contrastive, contrastive-early-100, head-only), or baseline;
/// a ratio sweep has several arms of one corpus.</param>
/// <param name="Ratio">The nominal mixing ratio (the paper's 0.3).</param>
/// <param name="ActualSyntheticFraction">The fraction of each batch that is synthetic, int(16 × 0.3)/16 = 0.25 for 0.3.</param>
public sealed record ReportArm(string Name, string Corpus, double Ratio, double ActualSyntheticFraction);
