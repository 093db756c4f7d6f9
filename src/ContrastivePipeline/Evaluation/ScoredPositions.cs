namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Where each scored token of a batch is predicted, and which log-probs each candidate sums, in token order as the
/// oracle sums them. Token i is predicted at position i - 1: in the shared pass ([G, S] flattened) when i - 1 is
/// before its group's own tokens start, else in the candidate's own pass ([N, T] flattened, position i - 1 - start
/// of its row). A shared position and target is scored once for all members (BLiMP's common words).
/// </summary>
/// <param name="Shared">How many of <paramref name="At"/> index the shared pass; the rest index the own pass.</param>
/// <param name="Terms">Per candidate, indices into <paramref name="At"/> in token order.</param>
internal sealed record ScoredPositions(long[] At, long[] Targets, int Shared, int[][] Terms)
{
    /// <param name="rows">Each candidate's tokens, first scored token, group, own tokens' start and own-pass row (-1: none).</param>
    public static ScoredPositions Of(IReadOnlyList<(TokenizedCandidate Tokens, int Group, int Start, int Row)> rows, int s, int t)
    {
        var (shared, index) = (new List<(long At, long Target)>(), new Dictionary<(long At, long Target), int>());
        var own = new List<(long At, long Target)>();
        var terms = new List<(bool Shared, int Index)>[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var ((sequence, first), group, start, row) = rows[r];
            terms[r] = [];
            for (var i = first; i < sequence.Length; i++)
            {
                if (i - 1 < start)
                {
                    var key = ((long)group * s + i - 1, (long)sequence[i]);
                    if (!index.TryGetValue(key, out var h))
                    {
                        index[key] = h = shared.Count;
                        shared.Add(key);
                    }
                    terms[r].Add((true, h));
                }
                else
                {
                    terms[r].Add((false, own.Count));
                    own.Add(((long)row * t + i - 1 - start, sequence[i]));
                }
            }
        }
        var all = shared.Concat(own).ToArray();
        return new([.. all.Select(a => a.At)], [.. all.Select(a => a.Target)], shared.Count,
            [.. terms.Select(ts => ts.Select(x => x.Shared ? x.Index : shared.Count + x.Index).ToArray())]);
    }
}
