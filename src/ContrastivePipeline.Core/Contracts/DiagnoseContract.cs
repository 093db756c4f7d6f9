namespace ContrastivePipeline.Contracts;

/// <summary>Diagnose: one corpus (synthetic, or the real training text) measured before any model trains on it.</summary>
public static class DiagnoseContract
{
    public const string Step = "Diagnose";

    /// <summary>Inputs: the artifact holding the text, the Tokenize artifact, GOOD's run and the BAD's run.</summary>
    public const string Text = "text", Tokens = "tokens", Good = "good", Bad = "bad";

    /// <summary>The instance of the real training text (the others are named by their corpus).</summary>
    public const string Real = "real";
}
