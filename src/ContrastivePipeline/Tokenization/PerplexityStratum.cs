using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The perplexity blocks of one source file: blocks <see cref="FirstBlock"/> .. + <see cref="Blocks"/> start in its
/// text (a block that crosses into the next file belongs to the file it starts in). A perplexity sample is drawn per
/// stratum, in proportion to its blocks (PerplexitySample).
/// </summary>
/// <param name="Tokens">Tokens of the file's documents, &lt;s&gt; and &lt;/s&gt; included.</param>
internal sealed record PerplexityStratum(string Source, int FirstBlock, int Blocks, long Tokens)
{
    /// <summary>The strata of a shard packed from <paramref name="sources"/>' documents, whose token counts are <paramref name="documentTokens"/>.</summary>
    public static List<PerplexityStratum> Of(IReadOnlyList<SourceDocuments> sources, IReadOnlyList<int> documentTokens, int blockLength)
    {
        if (sources.Sum(s => s.Documents) != documentTokens.Count)
            throw new InvalidDataException($"the perplexity sources list {sources.Sum(s => s.Documents)} documents, the text {documentTokens.Count}");
        List<PerplexityStratum> strata = [];
        var (document, start) = (0, 0L);
        foreach (var source in sources)
        {
            var tokens = documentTokens.Skip(document).Take(source.Documents).Sum(t => (long)t);
            // Block b starts at token b x blockLength: the file holds the starts of blocks ceil(start / L) .. ceil(end / L) - 1.
            var first = (int)((start + blockLength - 1) / blockLength);
            var end = (int)((start + tokens + blockLength - 1) / blockLength);
            strata.Add(new(source.Source, first, end - first, tokens));
            (document, start) = (document + source.Documents, start + tokens);
        }
        return strata;
    }
}
