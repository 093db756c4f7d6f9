namespace ContrastivePipeline.Configuration;

/// <summary>How the synthetic corpus is sampled (PAPER.md 4).</summary>
public enum DecodingStrategy
{
    /// <summary>Plain sampling from GOOD at temperature tau ("No-Contrast", vanilla).</summary>
    Ancestral,

    /// <summary>log p_GOOD - lambda log p_BAD on GOOD's plausibility head, the rest at the penalty, then sampled.</summary>
    Contrastive,

    /// <summary>The control No-Contrast-V-Head: log p_GOOD on the same head, no contrast.</summary>
    HeadOnly,
}
