using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Prefix groups packed one per row, for one pass through the model: a group's shared tokens, then each member's own
/// tokens (all but its last: nothing scores what follows it) side by side, each at the position it has in its own
/// sequence (S, S + 1, ...). The mask lets a member's token see the shared tokens and its own earlier tokens, nothing
/// else, so the shared prefix runs once and no member needs a copy of its keys and values.
/// Token i of a candidate is predicted at position i - 1 of its sequence: in the shared part when i - 1 &lt; S, scored
/// once for every member with the same target there (BLiMP's common words), else in the member's own part.
/// </summary>
/// <param name="Tokens">[B, L] right-padded rows.</param>
/// <param name="Positions">[B, L] each token's position in its own sequence (RoPE).</param>
/// <param name="Mask">[B, 1, L, L]: 0 where a query may look, -inf elsewhere (a pad query sees key 0 only).</param>
/// <param name="Wanted">[B, Q] per row, the offsets whose hidden states are scored (padded with 0).</param>
/// <param name="Scored">[M] which of the B x Q wanted offsets are real, and <paramref name="Targets"/> [M] their tokens.</param>
/// <param name="Terms">Per candidate of <paramref name="Members"/>, the indices into <paramref name="Scored"/> it sums, in token order.</param>
internal sealed record PackedBatch(int Rows, int Length, int Queries, long[] Tokens, long[] Positions, float[] Mask,
    long[] Wanted, long[] Scored, long[] Targets, int[] Members, int[][] Terms)
{
    sealed record Row(List<int> Tokens, List<int> Positions, List<(int Start, int Length)> Segments, List<(int Offset, int Target)> Wanted,
        int Shared);

    public static PackedBatch Of(IReadOnlyList<PrefixGroup> groups, IReadOnlyList<TokenizedCandidate> tokenized)
    {
        var rows = new List<Row>();
        var (members, terms) = (new List<int>(), new List<(int Row, int[] Wanted)>());
        foreach (var group in groups)
        {
            var s = group.Shared.Length;
            var row = new Row([.. group.Shared], [.. Enumerable.Range(0, s)], [], [], s);
            var index = new Dictionary<(int Offset, int Target), int>();
            foreach (var member in group.Members)
            {
                var (sequence, first) = tokenized[member];
                var start = row.Tokens.Count;
                var own = sequence.Length - 1 - s;
                if (own > 0)
                {
                    row.Tokens.AddRange(sequence[s..^1]);
                    row.Positions.AddRange(Enumerable.Range(s, own));
                    row.Segments.Add((start, own));
                }
                var wanted = new int[sequence.Length - first];
                for (var i = first; i < sequence.Length; i++)
                {
                    var key = (i - 1 < s ? i - 1 : start + i - 1 - s, sequence[i]);
                    if (!index.TryGetValue(key, out var w))
                    {
                        index[key] = w = row.Wanted.Count;
                        row.Wanted.Add(key);
                    }
                    wanted[i - first] = w;
                }
                members.Add(member);
                terms.Add((rows.Count, wanted));
            }
            rows.Add(row);
        }
        var (b, l, q) = (rows.Count, rows.Max(r => r.Tokens.Count), Math.Max(1, rows.Max(r => r.Wanted.Count)));
        var (tokens, positions, wantedAt) = (new long[b * l], new long[b * l], new long[b * q]);
        var (scored, targets, rowStart) = (new List<long>(), new List<long>(), new int[b]);
        Array.Fill(tokens, SpecialTokens.Pad);
        for (var r = 0; r < b; r++)
        {
            for (var i = 0; i < rows[r].Tokens.Count; i++)
                (tokens[r * l + i], positions[r * l + i]) = (rows[r].Tokens[i], rows[r].Positions[i]);
            rowStart[r] = scored.Count;
            for (var w = 0; w < rows[r].Wanted.Count; w++)
            {
                wantedAt[r * q + w] = rows[r].Wanted[w].Offset;
                scored.Add(r * q + w);
                targets.Add(rows[r].Wanted[w].Target);
            }
        }
        return new(b, l, q, tokens, positions, Masks(rows, l), wantedAt, [.. scored], [.. targets], [.. members],
            [.. terms.Select(t => t.Wanted.Select(w => rowStart[t.Row] + w).ToArray())]);
    }

    static float[] Masks(List<Row> rows, int l)
    {
        var mask = new float[rows.Count * l * l];
        Array.Fill(mask, float.NegativeInfinity);
        for (var r = 0; r < rows.Count; r++)
        {
            var (row, s) = (rows[r], rows[r].Shared);
            void See(int query, int from, int to) => Array.Fill(mask, 0f, (r * l + query) * l + from, to - from);
            for (var query = 0; query < s; query++)
                See(query, 0, query + 1);
            foreach (var (start, length) in row.Segments)
            {
                for (var query = start; query < start + length; query++)
                {
                    See(query, 0, s);
                    See(query, start, query + 1);
                }
            }
            for (var query = row.Tokens.Count; query < l; query++)
                See(query, 0, 1);
        }
        return mask;
    }
}
