namespace ContrastivePipeline.Configuration;

/// <summary>Plain sampling from GOOD at temperature tau (the paper's No-Contrast, vanilla): no head, no BAD.</summary>
internal sealed class AncestralStrategy : DecodingStrategy
{
    public override string Name => "ancestral";
}
