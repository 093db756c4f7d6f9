namespace ContrastivePipeline.Corpus;

/// <summary>
/// corpus.max_words: keeps the same seeded share of every source's documents, so that the whole is about the cap and
/// each genre keeps its proportion. Documents stay in their file order.
/// </summary>
internal static class CorpusCap
{
    public static List<Source> Apply(List<Source> sources, int? maxWords, int seed)
    {
        var total = sources.Sum(s => s.Documents.Sum(d => (long)Documents.Words(d)));
        if (maxWords is not { } cap || total <= cap)
            return sources;
        var share = (double)cap / total;
        return sources.Select(s => Keep(s, share, seed)).ToList();
    }

    static Source Keep(Source source, double share, int seed)
    {
        var order = Enumerable.Range(0, source.Documents.Count).ToArray();
        new Random(CorpusSplit.HashCode(source.Name, seed ^ 0x5EED)).Shuffle(order);
        var goal = share * source.Documents.Sum(d => (long)Documents.Words(d));
        List<int> kept = [];
        long words = 0;
        foreach (var i in order.TakeWhile(_ => words < goal))
        {
            kept.Add(i);
            words += Documents.Words(source.Documents[i]);
        }
        return source with { Documents = kept.Order().Select(i => source.Documents[i]).ToList() };
    }
}
