namespace ContrastivePipeline.Training;

/// <summary>Uniform random tokens, seeded per step: the data of the speed benchmark and of the trainer's tests.</summary>
internal sealed class RandomBatches(int vocab, int seed) : IBatchSource
{
    public void Fill(long step, long[] tokens)
    {
        var random = new Random(HashCode.Combine(seed, step));
        for (var i = 0; i < tokens.Length; i++)
            tokens[i] = random.Next(vocab);
    }
}
