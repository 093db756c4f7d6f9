using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// AdamW with decoupled weight decay on every parameter, the update of <c>torch.optim.AdamW</c> (amsgrad off).
/// Our own so that its state is two plain tensors per parameter (easy to checkpoint and to compare bit for bit) and
/// each update runs in place without temporaries beyond one buffer per parameter.
/// </summary>
internal sealed class AdamW : IDisposable
{
    readonly Parameter[] parameters;
    readonly Tensor[] expAvg;
    readonly Tensor[] expAvgSq;
    readonly Tensor[] scratch;
    readonly double beta1;
    readonly double beta2;
    readonly double eps;
    readonly double weightDecay;

    public AdamW(IEnumerable<Parameter> parameters, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        this.parameters = [.. parameters];
        expAvg = [.. this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        expAvgSq = [.. this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        scratch = [.. this.parameters.Select(p => empty_like(p).DetachFromDisposeScope())];
        (this.beta1, this.beta2, this.eps, this.weightDecay) = (beta1, beta2, eps, weightDecay);
    }

    /// <summary>Optimiser steps taken so far (the bias corrections depend on it).</summary>
    public long Steps { get; private set; }

    public void Step(double learningRate)
    {
        Steps++;
        var stepSize = learningRate / (1 - Math.Pow(beta1, Steps));
        var correction2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, Steps));
        using var _ = no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            using var grad = parameters[i].grad;
            if (grad is null)
                continue;
            var p = parameters[i];
            p.mul_(1 - learningRate * weightDecay);
            expAvg[i].lerp_(grad, 1 - beta1);
            expAvgSq[i].mul_(beta2).addcmul_(grad, grad, 1 - beta2);
            var denom = scratch[i].copy_(expAvgSq[i]).sqrt_().div_(correction2Sqrt).add_(eps);
            p.addcdiv_(expAvg[i], denom, -stepSize);
        }
    }

    /// <summary>Drops the gradients (set to none, as PyTorch does by default) so the next backward writes fresh ones.</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameters)
            p.grad = null;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Steps);
        writer.Write(parameters.Length);
        for (var i = 0; i < parameters.Length; i++)
        {
            expAvg[i].Save(writer);
            expAvgSq[i].Save(writer);
        }
    }

    public void Load(BinaryReader reader)
    {
        Steps = reader.ReadInt64();
        var count = reader.ReadInt32();
        if (count != parameters.Length)
            throw new InvalidDataException($"optimizer state holds {count} parameters, the model has {parameters.Length}");
        for (var i = 0; i < parameters.Length; i++)
        {
            TensorExtensionMethods.Load(expAvg[i], reader);
            TensorExtensionMethods.Load(expAvgSq[i], reader);
        }
    }

    public void Dispose()
    {
        foreach (var t in expAvg.Concat(expAvgSq).Concat(scratch))
            t.Dispose();
    }
}
