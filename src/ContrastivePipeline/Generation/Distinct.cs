namespace ContrastivePipeline.Generation;

/// <summary>
/// Distinct-n (Li et al., 2016): distinct word n-grams over all n-grams of the corpus, n = 1..4, n-grams within a
/// document. Words are whitespace-separated; each gets an integer id so an n-gram is a value tuple, not a string.
/// </summary>
internal sealed class Distinct
{
    public const int MaxN = 4;

    readonly Dictionary<string, int> words = new(StringComparer.Ordinal);
    readonly HashSet<(int, int, int, int)>[] seen = [.. Enumerable.Range(0, MaxN).Select(_ => new HashSet<(int, int, int, int)>())];
    readonly long[] total = new long[MaxN];

    public long Words { get; private set; }

    public void Add(string document)
    {
        var ids = document.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => words.TryGetValue(w, out var id) ? id : words[w] = words.Count).ToArray();
        Words += ids.Length;
        for (var n = 1; n <= MaxN; n++)
            for (var i = 0; i + n <= ids.Length; i++)
            {
                seen[n - 1].Add((ids[i], n > 1 ? ids[i + 1] : -1, n > 2 ? ids[i + 2] : -1, n > 3 ? ids[i + 3] : -1));
                total[n - 1]++;
            }
    }

    /// <summary>Distinct-n for n = 1..4 (0 where the corpus has no n-gram of that length).</summary>
    public double[] Ratios() => [.. Enumerable.Range(0, MaxN).Select(n => total[n] == 0 ? 0.0 : (double)seen[n].Count / total[n])];
}
