namespace ContrastivePipeline.Contracts;

/// <summary>Mix: a synthetic corpus tokenized into the stream a final run mixes with the real text.</summary>
public static class MixContract
{
    public const string Step = "Mix";

    /// <summary>Inputs: the Generate artifact and the Tokenize artifact.</summary>
    public const string Synthetic = "synthetic", Tokens = "tokens";

    public const string SyntheticShard = "synthetic.bin";
}
