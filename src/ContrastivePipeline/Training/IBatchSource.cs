namespace ContrastivePipeline.Training;

/// <summary>
/// The training data, addressed by step. <see cref="Fill"/> must depend only on the source's own seed and the step,
/// never on what was read before: a resumed run then sees exactly the batches an uninterrupted run would have seen.
/// </summary>
internal interface IBatchSource
{
    /// <summary>Writes the batch of optimiser step <paramref name="step"/> (0-based) into <paramref name="tokens"/>, row-major [batch, context].</summary>
    void Fill(long step, long[] tokens);
}
