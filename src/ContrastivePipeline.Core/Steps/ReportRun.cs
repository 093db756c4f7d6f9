namespace ContrastivePipeline.Steps;

/// <summary>
/// One scored run the report reads: its Score artifact and its training run, as inputs named by
/// <see cref="Contracts.ReportContract.Scores"/> and <see cref="Contracts.ReportContract.Run"/> (GOOD's with arm "good").
/// </summary>
public sealed record ReportRun(string Arm, int Seed);
