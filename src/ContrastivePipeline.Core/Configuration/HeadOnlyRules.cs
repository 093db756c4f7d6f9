namespace ContrastivePipeline.Configuration;

/// <summary>The No-Contrast-V-Head control: GOOD on its plausibility head, no BAD.</summary>
internal sealed class HeadOnlyRules : StrategyRules
{
    public override DecodingStrategy Kind => DecodingStrategy.HeadOnly;

    public override string Corpus => "head-only";

    public override bool Head => true;
}
