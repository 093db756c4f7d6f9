namespace ContrastivePipeline.Steps;

/// <summary>What the Evaluate step reads: which checkpoints of one run to score, and how.</summary>
public sealed record EvaluateSettings(string Arm, int Seed, List<int> Steps, int? PerplexityBlocks, int BatchSize) : IReadsCheckpoints
{
    public IEnumerable<CheckpointRead> CheckpointsRead() => Steps.Select(s => new CheckpointRead("run", s));
}
