using System.Runtime.InteropServices;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The trainer's input: each distinct pre-token once, as base-token ids, with how often it occurs. Counting runs on
/// all threads (one dictionary each, merged at the end); words are sorted so the result never depends on scheduling.
/// </summary>
internal sealed class WordCounts
{
    /// <summary>The vocabulary before merges: the specials, then the kind's base symbols.</summary>
    public required List<string> BaseTokens { get; init; }
    public required int[][] Symbols { get; init; }
    public required long[] Counts { get; init; }

    public static WordCounts Of(IReadOnlyList<string> documents, int threads) => Of(documents, threads, BpeKind.ByteLevel);

    public static WordCounts Of(IReadOnlyList<string> documents, int threads, BpeKind kind)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var partials = new Dictionary<string, long>[Math.Max(1, threads)];
        Parallel.For(0, partials.Length, new ParallelOptions { MaxDegreeOfParallelism = partials.Length }, part =>
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var d = part; d < documents.Count; d += partials.Length)
            {
                var text = kind.Normalize(documents[d]).AsSpan();
                foreach (var match in kind.Words().EnumerateMatches(text))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, text.Slice(match.Index, match.Length), out _)++;
                }
            }
            partials[part] = counts;
        });
        foreach (var counts in partials)
        {
            foreach (var (word, n) in counts)
                total[word] = total.GetValueOrDefault(word) + n;
        }
        var words = total.Keys.Order(StringComparer.Ordinal).ToArray();
        var symbols = words.Select(w => kind.Symbols(w).ToArray()).ToArray();
        var baseTokens = kind.BaseTokens(symbols.SelectMany(s => s));
        var ids = baseTokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        return new WordCounts
        {
            BaseTokens = baseTokens,
            Symbols = symbols.Select(s => s.Select(t => ids[t]).ToArray()).ToArray(),
            Counts = words.Select(w => total[w]).ToArray(),
        };
    }
}
