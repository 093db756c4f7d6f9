namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Turns candidates into the token sequences the model scores, and remembers them: a Score step keeps one
/// tokenizer for all its checkpoints, so each task is tokenized once per step rather than once per checkpoint.
/// </summary>
/// <remarks>
/// The text is tokenized once as prefix + completion, without special tokens, and BOS is prepended, so the model sees
/// exactly what it would see for the whole sentence. The completion's tokens are those from the first position where
/// the tokens of the prefix alone and the tokens of prefix + completion differ. That settles the boundary space in
/// the way the BabyLM pipeline's "token overlaps the completion" mask does: when the prefix ends in a space (entity
/// tracking: "Box 0 contains ") the space-led token " the" straddles the boundary and is scored as part of the
/// completion, where a naive "skip len(encode(prefix)) tokens" would skip it (the prefix alone ends in a lone " "
/// token); when the completion starts with the space (EWoK: " " + Target1) the prefix tokens are unchanged and the
/// completion starts at the space-led token; when a prefix's last token merges with the completion's first characters,
/// the merged token is scored too.
/// </remarks>
internal sealed class CandidateTokenizer(Func<string, int[]> encode, int bos)
{
    readonly Dictionary<string, int[]> prefixes = new(StringComparer.Ordinal);
    readonly Dictionary<Candidate, TokenizedCandidate> candidates = [];

    public TokenizedCandidate Tokenize(Candidate candidate)
    {
        if (candidates.TryGetValue(candidate, out var known))
            return known;
        var whole = encode(candidate.Prefix + candidate.Completion);
        var first = 0;
        if (candidate.Prefix.Length > 0)
        {
            if (!prefixes.TryGetValue(candidate.Prefix, out var prefix))
                prefixes[candidate.Prefix] = prefix = encode(candidate.Prefix);
            while (first < prefix.Length && first < whole.Length && prefix[first] == whole[first])
                first++;
        }
        return candidates[candidate] = new([bos, .. whole], first + 1);
    }
}
