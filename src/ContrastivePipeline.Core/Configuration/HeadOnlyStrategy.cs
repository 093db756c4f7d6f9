namespace ContrastivePipeline.Configuration;

/// <summary>The control No-Contrast-V-Head: log p_GOOD on the same plausibility head, no BAD.</summary>
internal sealed class HeadOnlyStrategy : DecodingStrategy
{
    public override string Name => "head-only";

    public override bool Head => true;
}
