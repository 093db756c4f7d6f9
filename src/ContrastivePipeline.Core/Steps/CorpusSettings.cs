using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>What the Corpus step reads. Source folders travel as inputs (content-hashed), not as paths in here.</summary>
public sealed record CorpusSettings(CorpusConfig Corpus, int Seed);
