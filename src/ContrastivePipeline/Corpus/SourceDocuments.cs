using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// One run of consecutive perplexity documents from one source file, in the order of perplexity.txt
/// (<see cref="CorpusContract.PerplexitySourcesFile"/>): Tokenize turns them into the strata a perplexity sample is drawn from.
/// </summary>
internal sealed record SourceDocuments(string Source, int Documents);
