namespace ContrastivePipeline.Report;

/// <summary>One evaluated run (arm, seed) and the checkpoints it was evaluated at.</summary>
internal sealed record RunSummary(string Arm, int Seed, IReadOnlyList<int> Steps);
