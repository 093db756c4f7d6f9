namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Candidates that begin with the same tokens: <paramref name="Shared"/> runs through the model once for all
/// <paramref name="Members"/> (indices into the scorer's distinct candidates), each of which then runs its own tokens.
/// </summary>
internal sealed record PrefixGroup(int[] Shared, int[] Members)
{
    /// <summary>
    /// One group per non-empty prefix text (entity tracking's options, EWoK's two targets, a reading context's words),
    /// one per whole text. The shared tokens stop one short of the earliest scored token, so every scored log-prob
    /// comes from a candidate's own forward pass: tokens before the first scored one are identical in every member
    /// (BOS and the prefix's own tokens up to where the completion changes them, see <see cref="CandidateTokenizer"/>).
    /// </summary>
    public static IReadOnlyList<PrefixGroup> Of(IReadOnlyList<Candidate> candidates, IReadOnlyList<TokenizedCandidate> tokenized)
    {
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var groups = new List<List<int>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Prefix.Length == 0)
                groups.Add([i]);
            else if (byPrefix.TryGetValue(candidates[i].Prefix, out var members))
                members.Add(i);
            else
                groups.Add(byPrefix[candidates[i].Prefix] = [i]);
        }
        return [.. groups.Select(members =>
        {
            var shared = members.Min(i => tokenized[i].FirstScored) - 1;
            return new PrefixGroup(tokenized[members[0]].Sequence[..shared], [.. members]);
        })];
    }
}
