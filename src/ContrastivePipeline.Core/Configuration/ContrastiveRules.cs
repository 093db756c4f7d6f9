namespace ContrastivePipeline.Configuration;

/// <summary>log p_GOOD - lambda log p_BAD on GOOD's plausibility head: head and BAD.</summary>
internal sealed class ContrastiveRules : StrategyRules
{
    public override DecodingStrategy Kind => DecodingStrategy.Contrastive;

    public override string Corpus => "contrastive";

    public override bool Head => true;

    public override bool Contrast => true;
}
