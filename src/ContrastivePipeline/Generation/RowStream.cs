namespace ContrastivePipeline.Generation;

/// <summary>
/// The random numbers of one sample, a function of (experiment seed, prompt index, continuation index) only:
/// SplitMix64 over the mixed key. Shards, batch sizes and reruns therefore see the same stream for the same sample.
/// </summary>
internal static class RowStream
{
    public static double[] Uniforms(int seed, int prompt, int continuation, int count)
    {
        var state = Key(seed, prompt, continuation);
        var u = new double[count];
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            u[i] = (Mix(state) >> 11) * (1.0 / (1UL << 53)); // [0, 1)
        }
        return u;
    }

    /// <summary>
    /// libtorch's generator seed for a batch whose BAD keeps attention dropout on: the dropout masks come from torch's
    /// global generator, so they repeat on a rerun and on a resume, but (unlike the sampling streams) they depend on
    /// how prompts are grouped into batches.
    /// </summary>
    public static long TorchSeed(int seed, int firstPrompt) => (long)(Key(seed, firstPrompt, -1) >> 1);

    static ulong Key(int seed, int prompt, int continuation) =>
        Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)prompt) ^ ((ulong)(uint)continuation << 32));

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
