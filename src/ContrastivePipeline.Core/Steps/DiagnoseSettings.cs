using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// What the Diagnose step reads: which text file of its input <c>text</c> (a synthetic corpus, or the real training
/// text), GOOD's checkpoint and the BAD checkpoint it scores the text with, and how many blocks and sample texts it takes.
/// </summary>
/// <param name="Blocks">Blocks of the text (packed at the model's context) whose perplexity is measured, a seeded sample.</param>
/// <param name="Samples">Documents quoted whole, a seeded choice.</param>
/// <param name="DistinctWords">Distinct-n is counted on a seeded choice of documents of about this many words: it falls
/// as text grows, so every corpus is measured at the same size.</param>
public sealed record DiagnoseSettings(string TextFile, int GoodStep, BadCheckpoint Bad, int Blocks, int Samples, int DistinctWords, int Seed)
    : IReadsCheckpoints
{
    public IEnumerable<CheckpointRead> CheckpointsRead() => [new(DiagnoseContract.Good, GoodStep), new(DiagnoseContract.Bad, Bad.Step)];
}
