namespace ContrastivePipeline.Generation;

/// <summary>
/// The random numbers of one sample, a function of (experiment seed, prompt index, continuation index) only:
/// SplitMix64 over the mixed key. Shards, batch sizes and reruns therefore see the same stream for the same sample.
/// </summary>
internal static class RowStream
{
    public static double[] Uniforms(int seed, int prompt, int continuation, int count)
    {
        var state = Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)prompt) ^ ((ulong)(uint)continuation << 32));
        var u = new double[count];
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            u[i] = (Mix(state) >> 11) * (1.0 / (1UL << 53)); // [0, 1)
        }
        return u;
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
