namespace ContrastivePipeline.Evaluation;

/// <summary>The model side of evaluation: per-token log-probabilities of whole token sequences.</summary>
/// <remarks>
/// Each sequence arrives with BOS already prepended by the caller. For a sequence of n tokens the scorer returns n - 1
/// values: element i - 1 is log p(token i | tokens 0..i-1), i = 1..n-1, computed in fp32 or better (a log-softmax in
/// fp32, not bf16). The sequences of one call may differ in length: pad on the model side and mask the pads out.
/// Calls carry up to the batch size the <see cref="CandidateScorer"/> was given, sorted by length so padding is small.
/// </remarks>
internal interface ISequenceScorer
{
    double[][] LogProbs(IReadOnlyList<int[]> sequences);
}
