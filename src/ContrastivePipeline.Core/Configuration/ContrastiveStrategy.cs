namespace ContrastivePipeline.Configuration;

/// <summary>log p_GOOD - lambda log p_BAD on GOOD's plausibility head, the rest at the penalty, then sampled: head and BAD.</summary>
internal sealed class ContrastiveStrategy : DecodingStrategy
{
    public override string Name => "contrastive";

    public override bool Head => true;

    public override bool Contrast => true;
}
