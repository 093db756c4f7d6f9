namespace ContrastivePipeline.Evaluation;

/// <summary>evaluation.json of a Score artifact: the checkpoints it scored (which run and arm, its inputs say).</summary>
/// <remarks>Each step has a folder step_{step:D6} with perplexity.json and a tasks/ and/or probes/ evaluation folder.</remarks>
internal sealed record EvaluationIndex(List<int> Steps)
{
    public const string FileName = "evaluation.json";
}
