using System.Diagnostics;

namespace ContrastivePipeline.Evaluation;

/// <summary>Wraps a scorer for the benchmark and the step's log: time spent scoring, and every call's candidates and sums.</summary>
internal sealed class TimedScorer(ICandidateScorer inner) : ICandidateScorer
{
    public TimeSpan Elapsed { get; private set; }

    public List<(IReadOnlyList<Candidate> Candidates, double[] Sums)> Calls { get; } = [];

    public double[] Score(IReadOnlyList<Candidate> candidates)
    {
        var clock = Stopwatch.StartNew();
        var sums = inner.Score(candidates);
        Elapsed += clock.Elapsed;
        Calls.Add((candidates, sums));
        return sums;
    }
}
