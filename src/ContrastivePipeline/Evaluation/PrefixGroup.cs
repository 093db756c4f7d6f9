namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Candidates that begin with the same tokens: <paramref name="Shared"/> runs through the model once for all
/// <paramref name="Members"/> (indices into the scorer's distinct candidates), in one packed row beside each member's
/// own tokens (<see cref="PackedBatch"/>). Token i &lt; S is predicted at shared position i - 1, the same for every
/// member, and each member's token S at the last shared position.
/// </summary>
internal sealed record PrefixGroup(int[] Shared, int[] Members)
{
    /// <summary>A packed row's length is capped: its mask is L x L.</summary>
    public const int MaxRow = 1024;

    /// <summary>Its packed row's length: the shared tokens, then each member's own tokens but its last.</summary>
    public int Length(IReadOnlyList<TokenizedCandidate> tokenized) =>
        Shared.Length + Members.Sum(m => tokenized[m].Sequence.Length - 1 - Shared.Length);

    /// <summary>
    /// The candidates sorted by tokens and cut into runs of at most <paramref name="maxMembers"/> neighbours, where
    /// the packed rows cost least: a run of m candidates of n_k tokens sharing S is one row of L = S + sum (n_k - 1 - S)
    /// positions, each attending to the row's L keys, so it costs L + L² / 1024 (a query-key pair through 4 layers costs
    /// about a thousandth of a position's products); alone, a candidate is a row of n - 1. A run shares its longest
    /// common token prefix, but at most one token less than its shortest member, so every member has a token of its
    /// own to score. This finds BLiMP's good and bad sentences (they differ in a word or two), entity tracking's five
    /// options and the items that open with the same boxes, EWoK's two targets, and a reading sentence's words.
    /// </summary>
    public static IReadOnlyList<PrefixGroup> Of(IReadOnlyList<TokenizedCandidate> tokenized, int maxMembers)
    {
        var sorted = Enumerable.Range(0, tokenized.Count).Order(Comparer<int>.Create((a, b) => Compare(tokenized[a].Sequence, tokenized[b].Sequence))).ToArray();
        int Length(int i) => tokenized[sorted[i]].Sequence.Length;
        var n = sorted.Length;
        var common = new int[n]; // common[j]: tokens that sorted candidates j - 1 and j share from the start
        for (var j = 1; j < n; j++)
            common[j] = Common(tokenized[sorted[j - 1]].Sequence, tokenized[sorted[j]].Sequence);
        // cost[i]: the least cost of the first i sorted candidates; the last run starts at start[i].
        var (cost, start) = (new double[n + 1], new int[n + 1]);
        for (var i = 1; i <= n; i++)
        {
            (cost[i], start[i]) = (cost[i - 1] + Row(Length(i - 1) - 1), i - 1);
            var (shared, fed) = (Length(i - 1) - 1, (long)Length(i - 1) - 1);
            for (var j = i - 2; j >= Math.Max(0, i - maxMembers) && shared > 0; j--)
            {
                (shared, fed) = (Math.Min(shared, Math.Min(common[j + 1], Length(j) - 1)), fed + Length(j) - 1);
                var row = fed - (long)(i - j - 1) * shared; // grows as the run grows: S + sum (n_k - 1 - S)
                if (row > MaxRow)
                    break;
                if (cost[j] + Row(row) < cost[i])
                    (cost[i], start[i]) = (cost[j] + Row(row), j);
            }
        }
        var groups = new List<PrefixGroup>();
        for (var i = n; i > 0; i = start[i])
        {
            var members = sorted[start[i]..i];
            var shared = members.Min(m => tokenized[m].Sequence.Length - 1);
            shared = Math.Min(shared, Common(tokenized[members[0]].Sequence, tokenized[members[^1]].Sequence));
            groups.Add(new PrefixGroup(tokenized[members[0]].Sequence[..shared], members));
        }
        return groups;
    }

    static double Row(long length) => length + length * (double)length / 1024;

    /// <summary>How many tokens two sequences share from the start.</summary>
    static int Common(int[] a, int[] b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        return i;
    }

    static int Compare(int[] a, int[] b)
    {
        var i = Common(a, b);
        return i < a.Length && i < b.Length ? a[i].CompareTo(b[i]) : a.Length.CompareTo(b.Length);
    }
}
