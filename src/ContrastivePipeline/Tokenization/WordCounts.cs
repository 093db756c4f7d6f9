using System.Runtime.InteropServices;
using System.Text;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The trainer's input: each distinct pre-token once, as byte-token ids, with how often it occurs. Counting runs on
/// all threads (one dictionary each, merged at the end); words are sorted so the result never depends on scheduling.
/// </summary>
internal sealed class WordCounts
{
    public required int[][] Symbols { get; init; }
    public required long[] Counts { get; init; }

    public static WordCounts Of(IReadOnlyList<string> documents, int threads)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var partials = new Dictionary<string, long>[Math.Max(1, threads)];
        Parallel.For(0, partials.Length, new ParallelOptions { MaxDegreeOfParallelism = partials.Length }, part =>
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var d = part; d < documents.Count; d += partials.Length)
            {
                var text = documents[d].AsSpan();
                foreach (var match in Gpt2PreTokenizer.Regex().EnumerateMatches(text))
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
        return new WordCounts
        {
            Symbols = words.Select(w => Encoding.UTF8.GetBytes(w).Select(b => SpecialTokens.Count + b).ToArray()).ToArray(),
            Counts = words.Select(w => total[w]).ToArray(),
        };
    }
}
