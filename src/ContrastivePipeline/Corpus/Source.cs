namespace ContrastivePipeline.Corpus;

/// <summary>The documents of one source (one file of a corpus folder, or one genre of the built-in corpus).</summary>
internal sealed record Source(string Name, IReadOnlyList<string> Documents);
