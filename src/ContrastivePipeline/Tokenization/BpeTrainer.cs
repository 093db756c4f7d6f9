namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Learns BPE merges over a kind's base symbols (bytes, or characters for the SentencePiece kind). Each distinct word is stored once with its count; pair counts are kept up to date
/// incrementally (only the words that contain the merged pair are touched) and the best pair comes from a priority
/// queue with lazy deletion, so a merge costs the size of the words it changes, never a rescan of the corpus.
/// Ties go to the smallest (left, right) id pair, which makes the result independent of hashing and threads.
/// </summary>
internal sealed class BpeTrainer
{
    /// <summary>A pair seen once is not worth a token: it would only memorise one word.</summary>
    public const int MinCount = 2;

    readonly List<string> baseTokens;
    readonly int[][] symbols;
    readonly int[] lengths;
    readonly long[] wordCounts;
    readonly int[] visited;
    readonly Dictionary<long, long> pairCounts = [];
    readonly Dictionary<long, List<int>> wordsWithPair = [];
    readonly Dictionary<long, long> deltas = [];
    readonly PriorityQueue<long, (long Count, long Pair)> queue = new(Comparer<(long Count, long Pair)>.Create(
        (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Pair.CompareTo(y.Pair)));

    BpeTrainer(WordCounts words)
    {
        baseTokens = words.BaseTokens;
        symbols = words.Symbols.Select(s => s.ToArray()).ToArray();
        lengths = symbols.Select(s => s.Length).ToArray();
        wordCounts = words.Counts;
        visited = new int[symbols.Length];
        Array.Fill(visited, -1);
    }

    public static BpeVocabulary Train(IReadOnlyList<string> documents, int vocabSize, int threads) =>
        Train(WordCounts.Of(documents, threads), vocabSize);

    public static BpeVocabulary Train(IReadOnlyList<string> documents, int vocabSize, int threads, BpeKind kind) =>
        Train(WordCounts.Of(documents, threads, kind), vocabSize);

    public static BpeVocabulary Train(WordCounts words, int vocabSize) => new BpeTrainer(words).Run(vocabSize);

    BpeVocabulary Run(int vocabSize)
    {
        var tokens = new List<string>(baseTokens);
        var ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var merges = new List<BpeMerge>();
        CountAllPairs();
        while (tokens.Count < vocabSize && queue.TryDequeue(out var pair, out var entry))
        {
            if (pairCounts.GetValueOrDefault(pair) != entry.Count)
                continue; // stale: a fresher entry for this pair is in the queue
            if (entry.Count < MinCount)
                break;
            var (left, right) = Split(pair);
            // Different merge orders can spell the same string ("ab"+"c", "a"+"bc"): they share one id, as in HF.
            var text = tokens[left] + tokens[right];
            if (!ids.TryGetValue(text, out var result))
            {
                result = tokens.Count;
                tokens.Add(text);
                ids[text] = result;
            }
            merges.Add(new BpeMerge(left, right, result));
            Merge(pair, result, merges.Count);
        }
        return new BpeVocabulary(tokens, merges);
    }

    void CountAllPairs()
    {
        for (var w = 0; w < symbols.Length; w++)
        {
            for (var i = 0; i + 1 < lengths[w]; i++)
                Add(Key(symbols[w][i], symbols[w][i + 1]), wordCounts[w], w);
        }
        foreach (var (pair, count) in pairCounts)
            queue.Enqueue(pair, (count, pair));
    }

    void Merge(long pair, int result, int stamp)
    {
        var (a, b) = Split(pair);
        deltas.Clear();
        foreach (var w in wordsWithPair[pair])
        {
            if (visited[w] == stamp)
                continue;
            visited[w] = stamp;
            MergeWord(w, a, b, result);
        }
        wordsWithPair.Remove(pair);
        foreach (var (changed, delta) in deltas)
        {
            var count = pairCounts[changed];
            if (count <= 0)
                pairCounts.Remove(changed);
            else if (delta != 0)
                queue.Enqueue(changed, (count, changed));
        }
    }

    /// <summary>
    /// Rewrites one word in place, left to right, and records how its pairs change. The symbol before a merge is read
    /// from the output, so "a b a b" -> "c c" correctly turns the provisional (c, a) into (c, c).
    /// </summary>
    void MergeWord(int w, int a, int b, int result)
    {
        var s = symbols[w];
        var n = lengths[w];
        var count = wordCounts[w];
        int read = 0, write = 0;
        while (read < n)
        {
            if (read + 1 < n && s[read] == a && s[read + 1] == b)
            {
                Add(Key(a, b), -count, w);
                if (write > 0)
                {
                    Add(Key(s[write - 1], a), -count, w);
                    Add(Key(s[write - 1], result), count, w);
                }
                if (read + 2 < n)
                {
                    Add(Key(b, s[read + 2]), -count, w);
                    Add(Key(result, s[read + 2]), count, w);
                }
                s[write++] = result;
                read += 2;
            }
            else
            {
                s[write++] = s[read++];
            }
        }
        lengths[w] = write;
    }

    void Add(long pair, long count, int word)
    {
        pairCounts[pair] = pairCounts.GetValueOrDefault(pair) + count;
        deltas[pair] = deltas.GetValueOrDefault(pair) + count;
        if (count <= 0)
            return;
        if (!wordsWithPair.TryGetValue(pair, out var list))
            wordsWithPair[pair] = list = [];
        if (list.Count == 0 || list[^1] != word)
            list.Add(word);
    }

    static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    static (int Left, int Right) Split(long pair) => ((int)(pair >> 32), (int)(uint)pair);
}
