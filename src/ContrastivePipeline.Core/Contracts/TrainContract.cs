namespace ContrastivePipeline.Contracts;

/// <summary>Train: a model trained from scratch (GOOD's run, a BAD's run, a final run), with its checkpoints.</summary>
public static class TrainContract
{
    public const string Step = "Train";

    /// <summary>Inputs: the Tokenize artifact, and a Mix artifact for a run on a mixture.</summary>
    public const string Tokens = "tokens", Synthetic = "synthetic";

    public const string MetricsFile = "metrics.jsonl";
}
