namespace ContrastivePipeline.Corpus;

/// <summary>counts.json of the Corpus step: per source and split, documents, words and characters.</summary>
internal sealed class CorpusCounts
{
    public SortedDictionary<string, SortedDictionary<string, Count>> Sources { get; init; } = new(StringComparer.Ordinal);

    public int Prompts { get; set; }

    public void Add(string source, string split, IReadOnlyCollection<string> documents)
    {
        if (!Sources.TryGetValue(source, out var splits))
            Sources[source] = splits = new(StringComparer.Ordinal);
        splits[split] = new(documents.Count, documents.Sum(Documents.Words), documents.Sum(d => (long)d.Length));
    }

    internal sealed record Count(int Documents, long Words, long Characters);
}
