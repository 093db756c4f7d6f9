namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>What one checkpoint produced on one task, kept at the level the paired bootstrap resamples.</summary>
/// <remarks>
/// <see cref="Strata"/> lists the sizes of the independently resampled parts (accuracy tasks: one per group, items
/// resampled within their group; perplexity: the blocks; reading: the rows). A replicate draws, for every stratum of
/// size n, n indices with replacement and recomputes the score on them.
/// </remarks>
internal abstract class TaskEvidence(string task)
{
    public string Task { get; } = task;

    public virtual bool HigherIsBetter => true;

    public abstract IReadOnlyList<int> Strata { get; }

    public abstract double Score();

    /// <param name="draw">For each stratum, the resampled indices into it.</param>
    public abstract double Score(IReadOnlyList<int[]> draw);
}
