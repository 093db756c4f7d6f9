using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class AdamWTests
{
    [Fact]
    public void Steps_MatchTorchSharpAdamW_WithTheSameSettings()
    {
        manual_seed(5);
        using var ours = new Llama(TinyModels.Shape);
        using var theirs = new Llama(TinyModels.Shape);
        theirs.load_state_dict(ours.state_dict());
        using var adamw = new ContrastivePipeline.Training.AdamW(ours.parameters(), weightDecay: 0.1);
        var oracle = optim.AdamW(theirs.parameters(), lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.1);
        using var positions = Llama.Positions(8, CPU);

        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            var tokens = randint(0, TinyModels.Shape.Vocab, [3, 8]);
            ours.call(tokens, positions).square().mean().backward();
            theirs.call(tokens, positions).square().mean().backward();
            adamw.Step(1e-2);
            adamw.ZeroGrad();
            oracle.step();
            oracle.zero_grad();
        }

        var expected = theirs.state_dict();
        foreach (var (name, tensor) in ours.state_dict())
            Assert.True(tensor.allclose(expected[name], rtol: 1e-5, atol: 1e-7), $"{name}: max difference {(tensor - expected[name]).abs().max().item<float>()}");
    }

    [Fact]
    public void ClipGradNorm_MatchesTorchSharpClipGradNorm()
    {
        manual_seed(6);
        using var ours = new Llama(TinyModels.Shape);
        using var theirs = new Llama(TinyModels.Shape);
        theirs.load_state_dict(ours.state_dict());
        using var adamw = new ContrastivePipeline.Training.AdamW(ours.parameters(), weightDecay: 0.1);
        using var positions = Llama.Positions(8, CPU);
        using var tokens = randint(0, TinyModels.Shape.Vocab, [3, 8]);
        using (var scope = NewDisposeScope())
        {
            ours.call(tokens, positions).square().mean().backward();
            theirs.call(tokens, positions).square().mean().backward();
        }

        var ourNorm = adamw.ClipGradNorm(0.01);
        var theirNorm = nn.utils.clip_grad_norm_(theirs.parameters(), 0.01);

        Assert.Equal(theirNorm, ourNorm, precision: 5);
        var expected = theirs.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, p) in ours.named_parameters())
            Assert.True(p.grad!.allclose(expected[name], rtol: 1e-5, atol: 1e-9), name);
    }
}
