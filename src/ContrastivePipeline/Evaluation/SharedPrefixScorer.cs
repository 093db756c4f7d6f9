using System.Diagnostics;
using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// The fast path of <see cref="CandidateScorer"/>, with the same sums to float tolerance: each distinct candidate is
/// scored once; candidates that begin alike form a group (<see cref="PrefixGroup"/>) that runs as one packed row, its
/// shared tokens once and each member's own tokens beside them (<see cref="PackedBatch"/>); the last token of a
/// sequence is never fed in (nothing scores what follows it), and only scored positions go through the last layer and
/// the output head, as log p = logit - logsumexp instead of a full log-softmax.
/// </summary>
/// <remarks>
/// A batch takes whole groups, longest row first, up to <c>batchSize</c> candidates (a larger group goes alone). Sums
/// run in double over fp32 log-probs in token order, as the oracle's do.
/// </remarks>
/// <param name="workers">Batches scored at once, see <see cref="ParallelBatches"/>; 1: on the calling thread.</param>
internal sealed class SharedPrefixScorer(CandidateTokenizer tokenizer, ScoringLlama model, Device device, int batchSize = 64, int workers = 1)
    : ICandidateScorer
{
    readonly Lock profile = new();

    /// <summary>Where the calls' time went (the profile in BENCHMARKS.md): the packed rows through the trunk, then the head.</summary>
    /// <remarks>Summed over workers: with several, the sum exceeds the wall time.</remarks>
    public (TimeSpan Trunk, TimeSpan Head) Time { get; private set; }

    /// <summary>The work done, padding included: positions through the trunk, through the last layer, and through the head.</summary>
    public (long Trunk, long Last, long Head) Positions { get; private set; }

    public double[] Score(IReadOnlyList<Candidate> candidates)
    {
        // Distinct by tokens, not text: candidates that tokenize alike get the very same sum, so they tie exactly.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<TokenizedCandidate>();
        var slots = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var t = tokenizer.Tokenize(candidates[c]);
            var key = $"{t.FirstScored}:{string.Join(',', t.Sequence)}";
            if (!index.TryGetValue(key, out slots[c]))
            {
                index[key] = slots[c] = tokens.Count;
                tokens.Add(t);
            }
        }
        var tokenized = tokens.ToArray();
        var groups = PrefixGroup.Of(tokenized, batchSize).OrderByDescending(g => g.Length(tokenized)).ToList();
        var sums = new double[tokenized.Length];
        var batches = Batches(groups).ToList();
        ParallelBatches.Run(batches.Count, workers, i => ScoreBatch(batches[i], tokenized, sums));
        return [.. slots.Select(i => sums[i])];
    }

    IEnumerable<List<PrefixGroup>> Batches(IReadOnlyList<PrefixGroup> groups)
    {
        var batch = new List<PrefixGroup>();
        var rows = 0;
        foreach (var group in groups)
        {
            if (rows > 0 && rows + group.Members.Length > batchSize)
            {
                yield return batch;
                (batch, rows) = ([], 0);
            }
            batch.Add(group);
            rows += group.Members.Length;
        }
        if (rows > 0)
            yield return batch;
    }

    void ScoreBatch(List<PrefixGroup> groups, TokenizedCandidate[] tokenized, double[] sums)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        var batch = PackedBatch.Of(groups, tokenized);
        if (batch.Scored.Length == 0)
            return; // nothing is scored: every sum stays 0, as the oracle's empty sums are
        var (b, l, q) = (batch.Rows, batch.Length, batch.Queries);
        var hidden = model.Packed(tensor(batch.Tokens, [b, l], device: device), tensor(batch.Positions, [b, l], device: device),
            tensor(batch.Mask, [b, 1, l, l], device: device), tensor(batch.Wanted, [b, q], device: device)); // [B, Q, C]
        var trunkDone = clock.Elapsed;
        var picked = hidden.flatten(0, 1).index_select(0, tensor(batch.Scored, device: device));            // [M, C]
        var logProbs = model.LogProbs(picked, tensor(batch.Targets, device: device)).cpu().data<float>().ToArray(); // [M]
        for (var m = 0; m < batch.Members.Length; m++)
        {
            var sum = 0.0;
            foreach (var term in batch.Terms[m])
                sum += logProbs[term];
            if (double.IsNaN(sum))
                throw new InvalidOperationException("the model returned NaN log-probs");
            sums[batch.Members[m]] = sum;
        }
        lock (profile)
        {
            Time = (Time.Trunk + trunkDone, Time.Head + clock.Elapsed - trunkDone);
            Positions = (Positions.Trunk + (long)b * l, Positions.Last + (long)b * q, Positions.Head + batch.Scored.Length);
        }
    }
}
