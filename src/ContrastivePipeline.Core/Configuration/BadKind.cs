namespace ContrastivePipeline.Configuration;

/// <summary>The BAD model families of PAPER.md 3.4.</summary>
public enum BadKind
{
    /// <summary>An earlier checkpoint of GOOD's own run (CD-EARLY-k, the paper's best): no extra training.</summary>
    Early,

    /// <summary>A smaller model trained with the same recipe and tokenizer (CD-SMALL-r).</summary>
    Small,

    /// <summary>GOOD's weights with attention dropout kept on at inference (CD-DROP-p).</summary>
    Dropout,
}
