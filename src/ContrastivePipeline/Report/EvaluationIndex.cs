namespace ContrastivePipeline.Report;

/// <summary>evaluation.json of an Evaluate artifact: which run it evaluated and at which checkpoints.</summary>
/// <remarks>Each step has a folder step_{step:D6} with perplexity.json and a tasks/ and/or probes/ evaluation folder.</remarks>
internal sealed record EvaluationIndex(string Arm, int Seed, List<int> Steps)
{
    public const string FileName = "evaluation.json";

    public static string StepFolder(string artifact, int step) => Path.Combine(artifact, $"step_{step:D6}");
}
