using ContrastivePipeline.Evaluation;

namespace ContrastivePipeline.Tests.Evaluation;

/// <summary>A fake model: log p of token i of a sequence is whatever the function says; records its batches.</summary>
internal sealed class FuncScorer(Func<int[], int, double> logProb) : ISequenceScorer
{
    public List<int[][]> Batches { get; } = [];

    public double[][] LogProbs(IReadOnlyList<int[]> sequences)
    {
        Batches.Add([.. sequences]);
        return sequences.Select(s => Enumerable.Range(1, s.Length - 1).Select(i => logProb(s, i)).ToArray()).ToArray();
    }

    /// <summary>Every token costs one nat: the shorter candidate wins, equal lengths tie.</summary>
    public static FuncScorer PreferShorter() => new((_, _) => -1.0);
}
