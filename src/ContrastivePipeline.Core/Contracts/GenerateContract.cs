namespace ContrastivePipeline.Contracts;

/// <summary>Generate: a synthetic corpus sampled from GOOD (and a BAD, when its strategy contrasts).</summary>
public static class GenerateContract
{
    public const string Step = "Generate";

    /// <summary>Inputs: the Tokenize artifact, GOOD's run, and the BAD's run for a contrasting strategy.</summary>
    public const string Tokens = "tokens", Good = "good", Bad = "bad";

    public const string CorpusFile = "corpus.txt", StatsFile = "stats.json";
}
