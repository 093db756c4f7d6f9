using System.Diagnostics;
using ContrastivePipeline.Tokenization;
using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// The fast path of <see cref="CandidateScorer"/>, with the same sums to float tolerance: each distinct candidate is
/// scored once, a token prefix shared by several candidates runs once, scoring its own tokens once for all, and they
/// continue from its keys and values (<see cref="PrefixGroup"/>, <see cref="ScoredPositions"/>), the last token of a
/// sequence is never fed in (nothing scores what follows it), and only scored positions go through the output head,
/// as log p = logit - logsumexp instead of a full log-softmax.
/// </summary>
/// <remarks>
/// A batch takes whole groups, longest shared prefix first, up to <c>batchSize</c> candidates (a larger group goes
/// alone): prefixes [G, S] right-padded (through the last layer only where they score), then the own tokens [N, T] of
/// every member that has some, right-padded at positions S_g + j, attending to its group's S_g prefix keys and
/// causally to its own. Sums run in double over fp32 log-probs in token order, as the oracle's do.
/// </remarks>
/// <param name="workers">Batches scored at once, see <see cref="ParallelBatches"/>; 1: on the calling thread.</param>
internal sealed class SharedPrefixScorer(CandidateTokenizer tokenizer, ScoringLlama model, Device device, int batchSize = 64, int workers = 1)
    : ICandidateScorer
{
    readonly Lock profile = new();

    /// <summary>Where the calls' time went (the profile in BENCHMARKS.md): prefixes, the candidates' own tokens, the head.</summary>
    /// <remarks>Summed over workers: with several, the sum exceeds the wall time.</remarks>
    public (TimeSpan Prefix, TimeSpan Own, TimeSpan Head) Time { get; private set; }

    /// <summary>The work done, padding included: positions through the trunk (prefixes, own tokens) and through the head.</summary>
    public (long Prefix, long Own, long Head) Positions { get; private set; }

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
        var groups = PrefixGroup.Of(tokenized, batchSize)
            .OrderByDescending(g => g.Shared.Length)
            .ThenByDescending(g => g.Members.Max(m => tokenized[m].Sequence.Length))
            .ToList();
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
        var members = groups.SelectMany((g, gi) => g.Members.Select(m => (Member: m, Group: gi, Start: g.Shared.Length))).ToArray();
        // Only candidates with tokens after their group's shared ones take a row of the own pass.
        var rows = members.Where(m => tokenized[m.Member].Sequence.Length - 1 > m.Start).ToArray();
        var rowOf = rows.Select((r, i) => (r.Member, i)).ToDictionary(p => p.Member, p => p.i);
        var s = groups.Max(g => g.Shared.Length);
        var t = rows.Length == 0 ? 0 : rows.Max(r => tokenized[r.Member].Sequence.Length - 1 - r.Start);
        var scored = ScoredPositions.Of([.. members.Select(m => (tokenized[m.Member], m.Group, m.Start, rowOf.GetValueOrDefault(m.Member, -1)))], s, t);
        if (scored.At.Length == 0)
            return; // nothing is scored: every sum stays 0, as the oracle's empty sums are
        (Tensor[] Keys, Tensor[] Values, Tensor? Hidden)? prefix = null;
        if (s > 0)
        {
            var shared = tensor(Padded(groups.Select(g => g.Shared).ToArray(), s), [groups.Count, s], device: device); // [G, S]
            prefix = model.Prefix(shared, scored: scored.Shared > 0);                                                 // [G, nh, S, d] each, [G, S, C]
        }
        var prefixDone = clock.Elapsed;
        Tensor? own = null;
        if (t > 0)
        {
            (Tensor[] Keys, Tensor[] Values)? past = null;
            Tensor? mask = null;
            if (prefix is var (keys, values, _))
            {
                var owner = tensor(rows.Select(r => (long)r.Group).ToArray(), device: device);                          // [N]
                past = ([.. keys.Select(k => k.index_select(0, owner))], [.. values.Select(v => v.index_select(0, owner))]);
                mask = tensor(Mask(rows.Select(r => r.Start).ToArray(), s, t), [rows.Length, 1, t, s + t], device: device); // [N, 1, T, S + T]
            }
            var tokens = tensor(Padded([.. rows.Select(r => tokenized[r.Member].Sequence[r.Start..^1])], t), [rows.Length, t], device: device); // [N, T]
            var positions = tensor(rows.SelectMany(r => Enumerable.Range(r.Start, t).Select(p => (long)p)).ToArray(),
                [rows.Length, t], device: device);                                                                        // [N, T]
            own = model.Suffix(tokens, positions, mask, past);                                                           // [N, T, C]
        }
        var ownDone = clock.Elapsed;
        var at = scored.At;
        var picked = cat([.. new[]
        {
            scored.Shared > 0 ? prefix!.Value.Hidden!.flatten(0, 1).index_select(0, tensor(at[..scored.Shared], device: device)) : null,
            scored.Shared < at.Length ? own!.flatten(0, 1).index_select(0, tensor(at[scored.Shared..], device: device)) : null,
        }.OfType<Tensor>()]);                                                                                               // [M, C]
        var logProbs = model.LogProbs(picked, tensor(scored.Targets, device: device)).cpu().data<float>().ToArray();     // [M]
        for (var m = 0; m < members.Length; m++)
        {
            var sum = 0.0;
            foreach (var term in scored.Terms[m])
                sum += logProbs[term];
            if (double.IsNaN(sum))
                throw new InvalidOperationException("the model returned NaN log-probs");
            sums[members[m].Member] = sum;
        }
        lock (profile)
        {
            Time = (Time.Prefix + prefixDone, Time.Own + ownDone - prefixDone, Time.Head + clock.Elapsed - ownDone);
            Positions = (Positions.Prefix + (long)groups.Count * s, Positions.Own + (long)rows.Length * t, Positions.Head + at.Length);
        }
    }

    static long[] Padded(int[][] sequences, int length)
    {
        var flat = new long[sequences.Length * length];
        Array.Fill(flat, SpecialTokens.Pad);
        for (var row = 0; row < sequences.Length; row++)
        {
            for (var i = 0; i < sequences[row].Length; i++)
                flat[row * length + i] = sequences[row][i];
        }
        return flat;
    }

    /// <summary>0 where query j of a row may look: its group's first <c>start</c> prefix keys and its own keys up to j.</summary>
    static float[] Mask(int[] starts, int s, int t)
    {
        var mask = new float[starts.Length * t * (s + t)];
        Array.Fill(mask, float.NegativeInfinity);
        for (var r = 0; r < starts.Length; r++)
        {
            for (var j = 0; j < t; j++)
            {
                var row = (r * t + j) * (s + t);
                Array.Fill(mask, 0f, row, starts[r]);
                Array.Fill(mask, 0f, row + s, j + 1);
            }
        }
        return mask;
    }
}
