namespace ContrastivePipeline.Steps;

/// <summary>What the Report step reads: which arm is the baseline, what each arm is, and the paired bootstrap's size.</summary>
/// <param name="Baseline">The name of the real-data-only arm every other arm is compared with.</param>
/// <param name="Arms">The arms in the order the tables list them (GOOD is not one of them; its inputs use arm "good").</param>
/// <param name="Replicates">Bootstrap replicates B (the paper: 1000).</param>
/// <param name="Seed">Seed of the shared resampling index sets (the paper: 42).</param>
public sealed record ReportSettings(string Baseline, List<ReportArm> Arms, int Replicates, int Seed);
