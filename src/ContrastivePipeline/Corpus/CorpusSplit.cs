namespace ContrastivePipeline.Corpus;

/// <summary>
/// PAPER.md 2.2: per source, a seeded share of documents becomes the seed pool (prompts only, never trained on); when
/// no perplexity folder is given, a further share is held out for perplexity; the rest is training text.
/// </summary>
internal sealed record CorpusSplit(List<string> Train, List<string> SeedPool, List<string> Heldout)
{
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

    // Stable across processes and .NET versions (string.GetHashCode is randomised per process).
    internal static int HashCode(string name, int seed) =>
        name.Aggregate(seed * 31 + 17, (h, c) => unchecked(h * 31 + c));
}
