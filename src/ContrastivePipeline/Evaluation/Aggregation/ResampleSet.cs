namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>One fixed set of bootstrap index sets for a task, shared by every model so the bootstrap is paired.</summary>
/// <remarks>
/// Drawn once from System.Random(seed), stratum by stratum and replicate by replicate (the authors draw theirs with
/// numpy seed 42 the same way; the numbers differ, the design does not). System.Random with a seed is stable across
/// runs and machines.
/// </remarks>
internal sealed class ResampleSet
{
    readonly int[][] indices;

    ResampleSet(IReadOnlyList<int> strata, int replicates, int[][] indices) =>
        (Strata, Replicates, this.indices) = (strata, replicates, indices);

    public IReadOnlyList<int> Strata { get; }

    public int Replicates { get; }

    public static ResampleSet Create(IReadOnlyList<int> strata, int replicates = 1000, int seed = 42)
    {
        if (strata.Any(n => n <= 0))
            throw new ArgumentException("every stratum needs at least one unit");
        var random = new Random(seed);
        var indices = strata.Select(n =>
        {
            var all = new int[replicates * n];
            for (var k = 0; k < all.Length; k++)
                all[k] = random.Next(n);
            return all;
        }).ToArray();
        return new(strata.ToList(), replicates, indices);
    }

    public int[][] Draw(int replicate) =>
        indices.Select((all, s) => all[(replicate * Strata[s])..((replicate + 1) * Strata[s])]).ToArray();

    /// <summary>The score of <paramref name="evidence"/> under every replicate (evidence scores must be thread-safe).</summary>
    public double[] Apply(TaskEvidence evidence)
    {
        if (!evidence.Strata.SequenceEqual(Strata))
            throw new ArgumentException(
                $"{evidence.Task}: strata [{string.Join(',', evidence.Strata)}] differ from the shared index set's [{string.Join(',', Strata)}]; the models were evaluated on different items");
        // Replicates are independent and scores are pure functions, so the result does not depend on the thread count.
        var scores = new double[Replicates];
        Parallel.For(0, Replicates, b => scores[b] = evidence.Score(Draw(b)));
        return scores;
    }
}
