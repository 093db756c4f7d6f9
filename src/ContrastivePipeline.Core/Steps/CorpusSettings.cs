using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>What the Corpus step reads. Source folders travel as inputs (content-hashed), not as paths in here.</summary>
/// <param name="Context">The model's block length: the training text must fill at least one block.</param>
public sealed record CorpusSettings(CorpusConfig Corpus, int Seed, int Context);
