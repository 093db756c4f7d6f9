using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Training;

[Collection(TorchCollection.Name)]
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

    [Fact]
    public void MicroBatches_AccumulateToTheWholeBatchGradient()
    {
        var batch = new long[] { 1, 5, 9, 7, 2, 1, 8, 6, 4, 2, 1, 4, 4, 9, 2, 1, 7, 3, 3, 3 }; // 4 rows of 5, pads in the last
        var whole = StepOnce(batch, microBatch: null);
        var sliced = StepOnce(batch, microBatch: 1);
        var unweighted = StepOnce([.. batch[..15], 1, 7, 8, 8, 8], microBatch: 1); // no pads: other weights

        // Adam's first update is about lr x sign(gradient), so compare what the slices add up to, before the update.
        Assert.Equal(whole.Loss, sliced.Loss, 5);
        Assert.Equal(whole.GradNorm, sliced.GradNorm, 5);
        Assert.NotEqual(whole.GradNorm, unweighted.GradNorm, 3);
    }

    static (float Loss, double GradNorm) StepOnce(long[] batch, int? microBatch)
    {
        manual_seed(5);
        using var model = new Llama(TinyModels.Shape);
        using var optimizer = new AdamW(model.parameters(), 0.1);
        using var tokens = tensor(batch, [4, 5]);
        using var positions = Llama.Positions(4, CPU);
        return new GradientStep(model, optimizer, 1.0, microBatch).Take(tokens, positions, 1e-2, 0);
    }
}
