using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// One optimiser step on one batch: forward, next-token loss, backward, clipping, AdamW. The trainer and the speed
/// benchmark share it, so the benchmark measures the code that trains. Call it inside the caller's dispose scope.
/// </summary>
internal sealed class GradientStep(Llama model, AdamW optimizer, double gradClip)
{
    /// <summary>Trains on tokens [B, T]: the model reads tokens 0..T-2 and predicts 1..T-1 (as HF does with labels = inputs).</summary>
    /// <returns>The loss and the gradient norm before clipping.</returns>
    public (float Loss, double GradNorm) Take(Tensor tokens, Tensor positions, double learningRate, long step)
    {
        var input = tokens[.., ..^1];                                                  // [B, T-1]
        var target = tokens[.., 1..];                                                  // [B, T-1]
        var logits = model.call(input, positions);                                     // [B, T-1, V]
        // Only the last block of a shard is padded; its pads are no text, so they carry no loss (the paper's -100 labels).
        var loss = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten(), ignore_index: SpecialTokens.Pad); // []
        var value = loss.item<float>();
        if (!float.IsFinite(value))
            throw new StepException($"the loss became {value} at step {step + 1}; nothing was stored. " +
                "Try a lower train.learning_rate, a longer train.warmup_steps or a train.grad_clip such as 1.0.");
        loss.backward();
        var norm = optimizer.ClipGradNorm(gradClip > 0 ? gradClip : double.PositiveInfinity);
        optimizer.Step(learningRate);
        optimizer.ZeroGrad();
        return (value, norm);
    }
}
