namespace ContrastivePipeline.Contracts;

/// <summary>Export: a checkpoint written as a Hugging Face model folder with its tokenizer.</summary>
public static class ExportContract
{
    public const string Step = "Export";

    /// <summary>Inputs: the run and the Tokenize artifact.</summary>
    public const string Run = "run", Tokens = "tokens";
}
