namespace ContrastivePipeline.Steps;

/// <summary>One arm as the report describes it.</summary>
/// <param name="Strategy">baseline, ancestral, contrastive or head-only; a sweep has several arms of one strategy.</param>
/// <param name="Ratio">The nominal mixing ratio (the paper's 0.3).</param>
/// <param name="ActualSyntheticFraction">The fraction of each batch that is synthetic, int(16 × 0.3)/16 = 0.25 for 0.3.</param>
public sealed record ReportArm(string Name, string Strategy, double Ratio, double ActualSyntheticFraction);
