namespace ContrastivePipeline.Configuration;

/// <summary>Plain sampling from GOOD (the paper's No-Contrast): no head, no BAD.</summary>
internal sealed class AncestralRules : StrategyRules
{
    public override DecodingStrategy Kind => DecodingStrategy.Ancestral;

    public override string Corpus => "ancestral";
}
