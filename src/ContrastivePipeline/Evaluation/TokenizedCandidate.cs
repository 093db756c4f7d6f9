namespace ContrastivePipeline.Evaluation;

/// <summary>A candidate as the model sees it: BOS + tokens of prefix + completion, and the index of the first scored token.</summary>
internal sealed record TokenizedCandidate(int[] Sequence, int FirstScored);
