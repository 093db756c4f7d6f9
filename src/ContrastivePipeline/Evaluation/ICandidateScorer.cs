namespace ContrastivePipeline.Evaluation;

/// <summary>Sums each candidate's completion log-prob: <see cref="CandidateScorer"/> (the simple oracle) or <see cref="SharedPrefixScorer"/>.</summary>
internal interface ICandidateScorer
{
    double[] Score(IReadOnlyList<Candidate> candidates);
}
