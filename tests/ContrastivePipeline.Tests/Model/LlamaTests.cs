using ContrastivePipeline.Model;
using Snapshooter.Xunit;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Model;

[Collection(TorchCollection.Name)]
public sealed class LlamaTests
{
    [Fact]
    public void StateDict_UsesHuggingFaceLlamaNamesAndShapes()
    {
        using var model = new Llama(TinyModels.Shape);

        var keys = model.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").ToList();

        Snapshot.Match(keys);
    }

    [Fact]
    public void LogitsAtAPosition_DoNotDependOnLaterTokens()
    {
        manual_seed(1);
        using var model = new Llama(TinyModels.Shape);
        using var tokens = randint(0, TinyModels.Shape.Vocab, [2, 10]);
        using var changed = tokens.clone();
        changed[.., 6..] = randint(0, TinyModels.Shape.Vocab, [2, 4]);
        using var positions = Llama.Positions(10, CPU);

        using var a = model.call(tokens, positions);
        using var b = model.call(changed, positions);

        Assert.True(Tensors.Same(a[.., ..6], b[.., ..6]));
        Assert.False(a[.., 6..].allclose(b[.., 6..]));
    }

    [Fact]
    public void Logits_DependOnlyOnRelativePositions()
    {
        manual_seed(2);
        using var model = new Llama(TinyModels.Shape);
        using var tokens = randint(0, TinyModels.Shape.Vocab, [2, 8]);
        using var positions = Llama.Positions(8, CPU);
        using var shifted = positions + 5;

        using var a = model.call(tokens, positions);
        using var b = model.call(tokens, shifted);

        Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void AttentionDropout_IsActiveInTrainingModeOnly()
    {
        manual_seed(3);
        using var model = new Llama(TinyModels.Shape, attentionDropout: 0.5);
        using var tokens = randint(0, TinyModels.Shape.Vocab, [2, 8]);
        using var positions = Llama.Positions(8, CPU);

        model.eval();
        using var evalA = model.call(tokens, positions);
        using var evalB = model.call(tokens, positions);
        model.train();
        using var trainA = model.call(tokens, positions);
        using var trainB = model.call(tokens, positions);

        Assert.True(Tensors.Same(evalA, evalB));
        Assert.False(trainA.allclose(trainB));
    }

    [Fact]
    public void Forward_MatchesASlowReadingOfHuggingFaceLlama()
    {
        manual_seed(4);
        using var model = new Llama(TinyModels.Shape);
        using var tokens = randint(0, TinyModels.Shape.Vocab, [2, 9]);
        using var positions = Llama.Positions(9, CPU);

        using var fast = model.call(tokens, positions);
        using var slow = SlowLlama.Forward(model.state_dict(), TinyModels.Shape, tokens);

        Assert.True(fast.allclose(slow, rtol: 1e-4, atol: 1e-5), $"max difference {(fast - slow).abs().max().item<float>()}");
    }
}
