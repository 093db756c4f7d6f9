using ContrastivePipeline.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// AdamW with decoupled weight decay on every parameter, the update of <c>torch.optim.AdamW</c> (amsgrad off).
/// The parameters and their gradients are re-pointed into one flat buffer each, so a step (and the gradient clipping)
/// is a handful of whole-buffer kernels rather than a dozen small ones per parameter: on a busy 2-core machine every
/// small OpenMP kernel can cost a scheduler slice. Its state is two flat tensors, easy to checkpoint.
/// </summary>
internal sealed class AdamW : IDisposable
{
    readonly Parameter[] parameters;
    readonly Tensor[] gradViews;
    readonly Tensor weights;
    readonly Tensor grads;
    readonly Tensor expAvg;
    readonly Tensor expAvgSq;
    readonly Tensor scratch;
    readonly double beta1;
    readonly double beta2;
    readonly double eps;
    readonly double weightDecay;

    public AdamW(IEnumerable<Parameter> parameters, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        this.parameters = [.. parameters];
        var first = this.parameters[0];
        var total = this.parameters.Sum(p => p.numel());
        using (no_grad())
        {
            weights = empty(total, first.dtype, first.device).DetachFromDisposeScope();
            grads = zeros(total, first.dtype, first.device).DetachFromDisposeScope();
            gradViews = new Tensor[this.parameters.Length];
            long offset = 0;
            for (var i = 0; i < this.parameters.Length; i++)
            {
                var p = this.parameters[i];
                using var view = weights.narrow(0, offset, p.numel()).view(p.shape);
                view.copy_(p);
                p.set_(view);
                gradViews[i] = grads.narrow(0, offset, p.numel()).view(p.shape).DetachFromDisposeScope();
                offset += p.numel();
            }
        }
        expAvg = zeros_like(weights).DetachFromDisposeScope();
        expAvgSq = zeros_like(weights).DetachFromDisposeScope();
        scratch = empty_like(weights).DetachFromDisposeScope();
        (this.beta1, this.beta2, this.eps, this.weightDecay) = (beta1, beta2, eps, weightDecay);
        ZeroGrad();
    }

    /// <summary>Optimiser steps taken so far (the bias corrections depend on it).</summary>
    public long Steps { get; private set; }

    public void Step(double learningRate)
    {
        Steps++;
        var stepSize = learningRate / (1 - Math.Pow(beta1, Steps));
        var correction2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, Steps));
        using var _ = no_grad();
        using var decay = (1 - learningRate * weightDecay).ToScalar();
        using var firstWeight = tensor(1 - beta1, device: weights.device); // lerp_ takes its weight as a tensor
        using var secondDecay = beta2.ToScalar();
        using var secondWeight = (1 - beta2).ToScalar();
        using var correction = correction2Sqrt.ToScalar();
        using var epsilon = eps.ToScalar();
        using var update = (-stepSize).ToScalar();
        weights.mul_(decay);
        expAvg.lerp_(grads, firstWeight);
        expAvgSq.mul_(secondDecay).addcmul_(grads, grads, secondWeight);
        var denom = scratch.copy_(expAvgSq).sqrt_().div_(correction).add_(epsilon, Scalars.One);
        weights.addcdiv_(expAvg, denom, update);
    }

    /// <summary>Scales all gradients so their global L2 norm is at most <paramref name="maxNorm"/> (as <c>clip_grad_norm_</c>).</summary>
    /// <returns>The norm before clipping.</returns>
    public double ClipGradNorm(double maxNorm)
    {
        using var _ = no_grad();
        using var norm = grads.norm();
        var total = norm.item<float>();
        var coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            using var scale = coefficient.ToScalar();
            grads.mul_(scale);
        }
        return total;
    }

    /// <summary>Zeroes the gradients and points every parameter's gradient back at its slice of the flat buffer.</summary>
    public void ZeroGrad()
    {
        grads.zero_();
        for (var i = 0; i < parameters.Length; i++)
            parameters[i].grad = gradViews[i];
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Steps);
        writer.Write(weights.numel());
        expAvg.Save(writer);
        expAvgSq.Save(writer);
    }

    public void Load(BinaryReader reader)
    {
        Steps = reader.ReadInt64();
        var count = reader.ReadInt64();
        if (count != weights.numel())
            throw new InvalidDataException($"optimizer state holds {count} values, the model has {weights.numel()} parameters");
        TensorExtensionMethods.Load(expAvg, reader);
        TensorExtensionMethods.Load(expAvgSq, reader);
    }

    public void Dispose()
    {
        foreach (var t in gradViews.Concat([weights, grads, expAvg, expAvgSq, scratch]))
            t.Dispose();
    }
}
