using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Training;

public sealed class GradientStepTests
{
    [Fact]
    public void Loss_IgnoresPadTargets_OfAShardsLastBlock()
    {
        manual_seed(3);
        using var model = new Llama(TinyModels.Shape);
        using var optimizer = new AdamW(model.parameters(), 0.1);
        var text = new long[] { 1, 5, 9, 7, 2, 1, 8, 6, 4, 2, 3, 3 }; // the last two are pads
        using var tokens = tensor(text, [1, text.Length]);
        using var positions = Llama.Positions(text.Length - 1, CPU);

        float expected;
        using (no_grad())
        {
            using var logits = model.call(tokens[.., ..^1], positions);                         // [1, T-1, V]
            using var real = nn.functional.cross_entropy(logits[0, ..9], tokens[0, 1..10]);     // the 9 text targets
            expected = real.item<float>();
        }
        var (loss, _) = new GradientStep(model, optimizer, 1.0).Take(tokens, positions, 1e-3, 0);

        Assert.Equal(expected, loss, 5);
        Assert.Equal(SpecialTokens.Pad, text[^1]);
    }
}
