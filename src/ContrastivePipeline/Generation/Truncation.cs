using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Top-k and top-p applied after the scores (PAPER.md 4.3): cut tokens get the penalty. Top-p keeps the smallest
/// prefix of the sorted distribution whose mass is at most p, plus the first token that crosses p.
/// </summary>
internal sealed record Truncation(int? TopK, double? TopP, double Penalty)
{
    public Tensor Apply(Tensor scores) // [B, V]
    {
        using var penalty = Penalty.ToScalar();
        if (TopK is { } k && k < scores.shape[^1])
        {
            var kth = scores.topk(k, dim: -1).values[.., (k - 1)..k];                 // [B, 1]
            scores = scores.masked_fill(scores < kth, penalty);
        }
        if (TopP is { } p && p < 1)
        {
            var (sorted, order) = scores.sort(-1, descending: true);                  // [B, V] each
            var probabilities = sorted.softmax(-1);
            var massBefore = probabilities.cumsum(-1) - probabilities;                // [B, V]
            using var mass = p.ToScalar();
            var cut = zeros_like(scores, ScalarType.Bool).scatter(-1, order, massBefore >= mass);
            scores = scores.masked_fill(cut, penalty);
        }
        return scores;
    }
}
