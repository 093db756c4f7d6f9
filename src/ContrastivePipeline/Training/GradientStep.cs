using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// One optimiser step on one batch: forward, next-token loss, backward, clipping, AdamW. The trainer and the speed
/// benchmark share it, so the benchmark measures the code that trains. Call it inside the caller's dispose scope.
/// With <c>microBatch</c> smaller than the batch, gradients are accumulated over slices of that many sequences (the
/// paper's 256 sequences per step were 16 per device x 4 devices x 4 accumulation steps), each weighted by its share of
/// the batch's text tokens, so the step equals the whole-batch step up to rounding.
/// </summary>
internal sealed class GradientStep(Llama model, AdamW optimizer, double gradClip, int? microBatch = null)
{
    /// <summary>Trains on tokens [B, T]: the model reads tokens 0..T-2 and predicts 1..T-1 (as HF does with labels = inputs).</summary>
    /// <returns>The loss and the gradient norm before clipping.</returns>
    public (float Loss, double GradNorm) Take(Tensor tokens, Tensor positions, double learningRate, long step)
    {
        var rows = tokens.shape[0];
        var value = microBatch is { } micro && micro < rows
            ? Accumulate(tokens, positions, micro, step)
            : Backward(tokens, positions, nn.Reduction.Mean, divisor: null, step);
        var norm = optimizer.ClipGradNorm(gradClip > 0 ? gradClip : double.PositiveInfinity);
        optimizer.Step(learningRate);
        optimizer.ZeroGrad();
        return (value, norm);
    }

    float Accumulate(Tensor tokens, Tensor positions, int micro, long step)
    {
        var rows = tokens.shape[0];
        using var pad = SpecialTokens.Pad.ToScalar();
        var textTargets = tokens[.., 1..].ne(pad).sum().item<long>();
        var value = 0f;
        for (long first = 0; first < rows; first += micro)
        {
            using var scope = NewDisposeScope(); // one slice's activations at a time
            value += Backward(tokens.narrow(0, first, Math.Min(micro, rows - first)), positions, nn.Reduction.Sum, textTargets, step);
        }
        return value;
    }

    /// <summary>Forward and backward of sequences [b, T]: the model reads tokens 0..T-2 and predicts 1..T-1 (HF's labels = inputs).</summary>
    /// <param name="divisor">For a slice: the whole batch's text-token count its summed loss is divided by.</param>
    float Backward(Tensor tokens, Tensor positions, nn.Reduction reduction, long? divisor, long step)
    {
        var logits = model.call(tokens[.., ..^1], positions);                          // [b, T-1, V]
        // Only the last block of a shard is padded; its pads are no text, so they carry no loss (the paper's -100 labels).
        var loss = nn.functional.cross_entropy(logits.flatten(0, 1), tokens[.., 1..].flatten(),
            ignore_index: SpecialTokens.Pad, reduction: reduction);                       // []
        if (divisor is { } count)
        {
            using var total = count.ToScalar();
            loss = loss / total;
        }
        var value = loss.item<float>();
        if (!float.IsFinite(value))
            throw new StepException($"the loss became {value} at step {step + 1}; nothing was stored. " +
                "Try a lower train.learning_rate, a longer train.warmup_steps or a train.grad_clip such as 1.0.");
        loss.backward();
        return value;
    }
}
