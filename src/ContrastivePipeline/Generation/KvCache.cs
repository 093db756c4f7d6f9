using static TorchSharp.torch;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Keys and values of every layer, preallocated for the whole sample ([B, nh, prompt + new tokens, d] per layer) and
/// filled in place, so a token step copies one column instead of concatenating the past.
/// </summary>
internal sealed class KvCache : IDisposable
{
    readonly Tensor[] keys;
    readonly Tensor[] values;

    public KvCache(int layers, long rows, long heads, long capacity, long headSize, Device device)
    {
        keys = [.. Enumerable.Range(0, layers).Select(_ => zeros([rows, heads, capacity, headSize], device: device))];
        values = [.. Enumerable.Range(0, layers).Select(_ => zeros([rows, heads, capacity, headSize], device: device))];
        Capacity = capacity;
    }

    public long Capacity { get; }

    /// <summary>Positions filled by the forward passes that have completed.</summary>
    public long Length { get; private set; }

    /// <summary>Writes k, v [B, nh, T, d] after the filled part and returns the keys and values so far [B, nh, Length + T, d].</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v)
    {
        var t = k.shape[2];
        if (Length + t > Capacity)
            throw new InvalidOperationException($"KV cache full: {Length} + {t} > {Capacity}");
        keys[layer].narrow(2, Length, t).copy_(k);
        values[layer].narrow(2, Length, t).copy_(v);
        return (keys[layer].narrow(2, 0, Length + t), values[layer].narrow(2, 0, Length + t));
    }

    /// <summary>Called once per forward pass, after every layer has appended its T positions.</summary>
    public void Advance(long t) => Length += t;

    public void Dispose()
    {
        foreach (var t in keys.Concat(values))
            t.Dispose();
    }
}
