namespace ContrastivePipeline.Evaluation;

/// <summary>Sums the model's token log-probs over the completion of each candidate: the BabyLM causal-LM rule.</summary>
/// <remarks>
/// The text is tokenized once as prefix + completion, without special tokens, and BOS is prepended, so the model sees
/// exactly what it would see for the whole sentence. The completion's tokens are those from the first position where
/// the tokens of the prefix alone and the tokens of prefix + completion differ. That settles the boundary space in
/// the way the BabyLM pipeline's "token overlaps the completion" mask does: when the prefix ends in a space (entity
/// tracking: "Box 0 contains ") the space-led token " the" straddles the boundary and is scored as part of the
/// completion, where a naive "skip len(encode(prefix)) tokens" would skip it (the prefix alone ends in a lone " "
/// token); when the completion starts with the space (EWoK: " " + Target1) the prefix tokens are unchanged and the
/// completion starts at the space-led token; when a prefix's last token merges with the completion's first characters,
/// the merged token is scored too. Sums run in double over the scorer's values.
/// </remarks>
internal sealed class CandidateScorer(Func<string, int[]> encode, int bos, ISequenceScorer scorer, int batchSize = 64)
{
    public double[] Score(IReadOnlyList<Candidate> candidates)
    {
        var prefixTokens = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var tokenized = candidates.Select(c => Tokenize(c, prefixTokens)).ToArray();
        var order = Enumerable.Range(0, tokenized.Length).OrderByDescending(i => tokenized[i].Sequence.Length).ToArray();
        var sums = new double[candidates.Count];
        foreach (var batch in order.Chunk(batchSize))
        {
            var logProbs = scorer.LogProbs(batch.Select(i => tokenized[i].Sequence).ToArray());
            if (logProbs.Length != batch.Length)
                throw new InvalidOperationException($"scorer returned {logProbs.Length} rows for {batch.Length} sequences");
            for (var b = 0; b < batch.Length; b++)
                sums[batch[b]] = Sum(tokenized[batch[b]], logProbs[b]);
        }
        return sums;
    }

    /// <summary>BOS + tokens of prefix + completion, and the index of the first scored token in that sequence.</summary>
    public (int[] Sequence, int FirstScored) Tokenize(Candidate candidate) => Tokenize(candidate, new(StringComparer.Ordinal));

    (int[] Sequence, int FirstScored) Tokenize(Candidate candidate, Dictionary<string, int[]> prefixTokens)
    {
        var whole = encode(candidate.Prefix + candidate.Completion);
        var first = 0;
        if (candidate.Prefix.Length > 0)
        {
            if (!prefixTokens.TryGetValue(candidate.Prefix, out var prefix))
                prefixTokens[candidate.Prefix] = prefix = encode(candidate.Prefix);
            while (first < prefix.Length && first < whole.Length && prefix[first] == whole[first])
                first++;
        }
        return ([bos, .. whole], first + 1);
    }

    static double Sum((int[] Sequence, int FirstScored) tokenized, double[] logProbs)
    {
        if (logProbs.Length != tokenized.Sequence.Length - 1)
            throw new InvalidOperationException(
                $"scorer returned {logProbs.Length} log-probs for a sequence of {tokenized.Sequence.Length} tokens (want n - 1)");
        var sum = 0.0;
        for (var i = tokenized.FirstScored; i < tokenized.Sequence.Length; i++)
            sum += logProbs[i - 1];
        if (double.IsNaN(sum))
            throw new InvalidOperationException("scorer returned NaN log-probs");
        return sum;
    }
}
