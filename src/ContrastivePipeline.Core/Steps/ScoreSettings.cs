using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Score step reads: which checkpoints of one run to score, and how. No label (arm, seed): renaming an arm
/// (a second ratio makes <c>ancestral</c> <c>ancestral-r0.3</c>) rescores nothing; the report names its inputs.
/// </summary>
/// <param name="PerplexityBlocks">A stratified sample of this many held-out blocks; null: every block.</param>
/// <param name="PerplexitySeed">Draws that sample (the experiment's seed, so every model scores the same blocks); null without a sample.</param>
public sealed record ScoreSettings(List<int> Steps, int? PerplexityBlocks, int? PerplexitySeed, int BatchSize) : IReadsCheckpoints
{
    public IEnumerable<CheckpointRead> CheckpointsRead() => Steps.Select(s => new CheckpointRead(ScoreContract.Run, s));
}
