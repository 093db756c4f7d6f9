namespace ContrastivePipeline.Diagnostics;

/// <summary>
/// The share of word n-gram occurrences that repeat an n-gram seen earlier in the same document: 0 for text that never
/// repeats itself, near 1 for a loop. Degenerate sampling shows here before any model trains on the text.
/// </summary>
internal static class RepeatedNgrams
{
    public static double Share(IEnumerable<string> documents, int n)
    {
        long repeated = 0, total = 0;
        foreach (var document in documents)
        {
            var words = document.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + n <= words.Length; i++)
            {
                total++;
                if (!seen.Add(string.Join(' ', words, i, n)))
                    repeated++;
            }
        }
        return total == 0 ? 0 : (double)repeated / total;
    }
}
