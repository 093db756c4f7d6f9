namespace ContrastivePipeline.Diagnostics;

/// <summary>
/// diagnostics.json of one corpus: what a reader checks before any model trains on it (does contrastive text differ
/// from ancestral text the way the paper says?). Words are whitespace-separated; tokens are model tokens with &lt;s&gt; and &lt;/s&gt;.
/// </summary>
/// <param name="GoodPerplexity">GOOD's perplexity on a seeded sample of the text's blocks (<see cref="Blocks"/> of them).</param>
/// <param name="BadPerplexity">The BAD's, on the same blocks.</param>
/// <param name="DistinctWords">The words of the seeded document choice distinct-1/2/3 are counted on (the same size for every corpus).</param>
/// <param name="Repeated4">Share of word 4-grams that repeat an earlier 4-gram of their own document.</param>
internal sealed record CorpusDiagnostics(
    long Documents, long Tokens, long Words, double MeanDocumentWords, long DistinctWords, double Distinct1, double Distinct2, double Distinct3,
    double Repeated4, int Blocks, double GoodPerplexity, double BadPerplexity, IReadOnlyList<string> Samples)
{
    public const string FileName = "diagnostics.json";
}
