using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// PAPER.md 2.2: per source, a seeded share of documents becomes the seed pool (prompts only, never trained on); when
/// no perplexity folder is given, a further share is held out for perplexity; the rest is training text.
/// </summary>
internal sealed record CorpusSplit(List<string> Train, List<string> SeedPool, List<string> Heldout)
{
    /// <summary>
    /// One split per source, in their order. A source too small for a seed or held-out document of its own (a folder of
    /// one story per file: 2,000 files of one document each gave no seed document at all) is split together with the
    /// other small ones: their documents are ranked by a seeded hash of (file, position), so adding a file moves at most
    /// the documents its rank displaces.
    /// </summary>
    public static List<CorpusSplit> Of(IReadOnlyList<Source> sources, int seed, double seedFraction, double heldoutFraction)
    {
        bool Small(Source s) => Math.Round(s.Documents.Count * seedFraction) == 0 ||
            (heldoutFraction > 0 && Math.Round(s.Documents.Count * heldoutFraction) == 0);
        var pooled = sources.Select((s, at) => (s, at)).Where(x => Small(x.s))
            .SelectMany(x => x.s.Documents.Select((_, i) => (Source: x.at, Index: i, Rank: Hash.OfText($"{seed}/{x.s.Name}/{i}"))))
            .OrderBy(d => d.Rank, StringComparer.Ordinal)
            .ToList();
        var seedCount = (int)Math.Round(pooled.Count * seedFraction);
        var heldoutCount = (int)Math.Round(pooled.Count * heldoutFraction);
        var share = pooled.Select((d, rank) => (d, Share: rank < seedCount ? 1 : rank < seedCount + heldoutCount ? 2 : 0))
            .ToDictionary(x => (x.d.Source, x.d.Index), x => x.Share);
        return [.. sources.Select((s, at) => Small(s) ? Split(s, i => share[(at, i)]) : Of(s, seed, seedFraction, heldoutFraction))];
    }

    public static CorpusSplit Of(Source source, int seed, double seedFraction, double heldoutFraction)
    {
        var order = Enumerable.Range(0, source.Documents.Count).ToArray();
        new Random(HashCode(source.Name, seed)).Shuffle(order);
        var seedCount = (int)Math.Round(order.Length * seedFraction);
        var heldoutCount = (int)Math.Round(order.Length * heldoutFraction);
        List<string> Take(IEnumerable<int> indices) => indices.Order().Select(i => source.Documents[i]).ToList();
        return new(
            Take(order.Skip(seedCount + heldoutCount)),
            Take(order.Take(seedCount)),
            Take(order.Skip(seedCount).Take(heldoutCount)));
    }

    /// <summary>A source's documents by their share: 0 training text, 1 seed pool, 2 held out; each in document order.</summary>
    static CorpusSplit Split(Source source, Func<int, int> share)
    {
        List<string> Take(int which) => [.. source.Documents.Where((_, i) => share(i) == which)];
        return new(Take(0), Take(1), Take(2));
    }

    // Stable across processes and .NET versions (string.GetHashCode is randomised per process).
    internal static int HashCode(string name, int seed) =>
        name.Aggregate(seed * 31 + 17, (h, c) => unchecked(h * 31 + c));
}
