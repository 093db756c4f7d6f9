namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Sums the model's token log-probs over the completion of each candidate (the BabyLM causal-LM rule), the simple way:
/// every candidate's whole sequence goes through the model, in length-sorted batches. This is the oracle the fast
/// <see cref="SharedPrefixScorer"/> is tested against. Sums run in double over the scorer's values.
/// </summary>
/// <remarks>How a candidate becomes tokens and which of them count: <see cref="CandidateTokenizer"/>.</remarks>
internal sealed class CandidateScorer(CandidateTokenizer tokenizer, ISequenceScorer scorer, int batchSize = 64) : ICandidateScorer
{
    public CandidateScorer(Func<string, int[]> encode, int bos, ISequenceScorer scorer, int batchSize = 64)
        : this(new CandidateTokenizer(encode, bos), scorer, batchSize)
    {
    }

    public double[] Score(IReadOnlyList<Candidate> candidates)
    {
        var tokenized = candidates.Select(tokenizer.Tokenize).ToArray();
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
    public (int[] Sequence, int FirstScored) Tokenize(Candidate candidate)
    {
        var tokenized = tokenizer.Tokenize(candidate);
        return (tokenized.Sequence, tokenized.FirstScored);
    }

    static double Sum(TokenizedCandidate tokenized, double[] logProbs)
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
