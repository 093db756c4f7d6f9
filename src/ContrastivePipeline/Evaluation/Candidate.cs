namespace ContrastivePipeline.Evaluation;

/// <summary>One text to score: only the tokens of <paramref name="Completion"/> count; an empty prefix scores the whole text.</summary>
internal sealed record Candidate(string Prefix, string Completion)
{
    public static Candidate Whole(string text) => new("", text);
}
