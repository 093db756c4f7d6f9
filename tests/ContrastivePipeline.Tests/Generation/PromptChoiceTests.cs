using ContrastivePipeline.Generation;

namespace ContrastivePipeline.Tests.Generation;

public sealed class PromptChoiceTests
{
    [Fact]
    public void NoLimit_TakesEveryPromptInOrder() =>
        Assert.Equal(Enumerable.Range(0, 50), PromptChoice.Of(50, maxPrompts: null, seed: 42));

    [Fact]
    public void Limit_IsASeededChoiceInOrder_SpreadOverThePrompts()
    {
        var chosen = PromptChoice.Of(1000, maxPrompts: 100, seed: 42);

        Assert.Equal(100, chosen.Distinct().Count());
        Assert.Equal(chosen.Order(), chosen);
        Assert.Equal(chosen, PromptChoice.Of(1000, 100, 42));
        // Prompts lie in source-file order: every tenth of them (a file of a ten-file corpus) is drawn from.
        Assert.All(Enumerable.Range(0, 10), tenth => Assert.Contains(chosen, i => i / 100 == tenth));
    }
}
