namespace ContrastivePipeline.Contracts;

/// <summary>Score: checkpoints of one run scored on held-out perplexity and the zero-shot suites.</summary>
public static class ScoreContract
{
    public const string Step = "Score";

    /// <summary>Inputs: the run, the Tokenize artifact, and the evaluation suites given (a BabyLM folder, the probes).</summary>
    public const string Run = "run", Tokens = "tokens", Tasks = "tasks", Probes = "probes";

    /// <summary>The suites, in the order they are scored and reported.</summary>
    public static readonly IReadOnlyList<string> Suites = [Tasks, Probes];

    /// <summary>What GOOD's evaluation is called where arms are named (GOOD is no arm of the comparison).</summary>
    public const string Good = "good";
}
