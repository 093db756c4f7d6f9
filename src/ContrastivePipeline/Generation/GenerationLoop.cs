using ContrastivePipeline.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// The batched sampling loop: one prefill of the padded prompts, then one token per step for every row, GOOD and BAD
/// advancing together on their own preallocated caches. No early stop (PAPER.md 2.4). Each step runs in its own
/// dispose scope; the only state carried between steps is the caches and the two models' last logits. A sample's
/// tokens depend only on its prompt and its own random stream (<see cref="RowStream"/>), not on the batch, except
/// through a dropout BAD, whose masks come from libtorch's generator seeded per batch. <c>bad</c> is given exactly when
/// the strategy contrasts (GenerateStep loads it then), and null otherwise.
/// </summary>
internal sealed class GenerationLoop(CachedLlama good, CachedLlama? bad, Decoding decoding, Truncation truncation, Device device)
{
    public GeneratedBatch Run(PromptBatch batch, int newTokens, int seed)
    {
        // One intra-op thread: with two, libtorch splits the one-token steps' products differently, the logits move in
        // their last bits and a draw near a boundary flips (the replication study's ancestral corpus differed in 3 of
        // 1,440 continuations between --jobs=1 and --jobs=2). Threads are in no key, so the bytes must not depend on them;
        // the measured cost is none at 4 x 128 (44.4 s with two threads, 43.6 s with one, BENCHMARKS.md).
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            return Generate(batch, newTokens, seed);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    GeneratedBatch Generate(PromptBatch batch, int newTokens, int seed)
    {
        using var _ = no_grad();
        if (bad?.Stochastic == true)
            manual_seed(RowStream.TorchSeed(seed, batch.Rows[0].Prompt));
        using var batchScope = NewDisposeScope();
        var (rows, length) = ((long)batch.Rows.Count, (long)batch.Length);
        var capacity = length + newTokens;
        using var goodCache = good.NewCache(rows, capacity, device);
        using var badCache = bad?.NewCache(rows, capacity, device);

        var tokens = tensor(batch.Tokens, [rows, length], device: device);                       // [B, P]
        var positions = tensor(batch.Positions, [rows, length], device: device);                 // [B, P]
        var real = tensor(batch.Real, [rows, length], device: device);                           // [B, P]
        var (prefillMask, stepMask) = Masks(real, newTokens);
        var nextPosition = positions[.., ^1..].add(Scalars.One, Scalars.One);                    // [B, 1]
        var uniforms = tensor(batch.Rows.SelectMany(r => RowStream.Uniforms(seed, r.Prompt, r.Continuation, newTokens)).ToArray(),
            [rows, newTokens], ScalarType.Float64, device);                                      // [B, N]
        var output = empty([rows, newTokens], ScalarType.Int64, device);                         // [B, N]
        var outside = zeros([], ScalarType.Int64, device);

        var goodLogits = good.Forward(tokens, positions, prefillMask, goodCache);                // [B, V]
        var badLogits = bad?.Forward(tokens, positions, prefillMask, badCache!);
        for (var s = 0; s < newTokens; s++)
        {
            using var step = NewDisposeScope();
            var (scores, head) = decoding.Scores(goodLogits, badLogits);                         // [B, V]
            var next = Sampler.Sample(truncation.Apply(scores), uniforms[.., s]);                // [B]
            output[.., s] = next;
            if (head is not null)
                outside.add_(head.gather(-1, next.unsqueeze(1)).logical_not().sum(), Scalars.One);
            if (s == newTokens - 1)
                break;
            var mask = stepMask.narrow(3, 0, length + s + 1);                                    // [B, 1, 1, L]
            using var offset = s.ToScalar();
            var position = nextPosition.add(offset, Scalars.One);                                // [B, 1]
            var newGood = good.Forward(next.unsqueeze(1), position, mask, goodCache).MoveToOuterDisposeScope();
            goodLogits.Dispose();
            goodLogits = newGood;
            if (badLogits is not null)
            {
                var newBad = bad!.Forward(next.unsqueeze(1), position, mask, badCache!).MoveToOuterDisposeScope();
                badLogits.Dispose();
                badLogits = newBad;
            }
        }
        var flat = output.cpu().data<long>().ToArray();
        var generated = Enumerable.Range(0, (int)rows).Select(r => flat[(r * newTokens)..((r + 1) * newTokens)]).ToArray();
        return new GeneratedBatch(batch, generated, outside.item<long>());
    }

    /// <summary>
    /// Additive attention masks from the real (non-pad) prompt positions [B, P]: the prefill's [B, 1, P, P] (causal,
    /// pads never looked at, each pad looking at itself so its row stays finite) and the steps' [B, 1, 1, P + N],
    /// narrowed to the filled length at each step.
    /// </summary>
    public static (Tensor Prefill, Tensor Step) Masks(Tensor real, long newTokens)
    {
        var (rows, length, device) = (real.shape[0], real.shape[1], real.device);
        var keys = cat([real, ones([rows, newTokens], ScalarType.Bool, device)], 1);              // [B, P + N]
        var step = zeros([rows, 1, 1, length + newTokens], device: device)
            .masked_fill(keys.logical_not().view(rows, 1, 1, -1), Scalars.NegativeInfinity);      // [B, 1, 1, P + N]
        var causal = ones([length, length], ScalarType.Bool, device).tril();                      // [P, P]
        var allowed = causal.logical_and(real.view(rows, 1, 1, length))
            .logical_or(eye(length, dtype: ScalarType.Bool, device: device));                     // [B, 1, P, P]
        var prefill = zeros(allowed.shape, device: device).masked_fill(allowed.logical_not(), Scalars.NegativeInfinity);
        return (prefill, step);
    }
}
