namespace ContrastivePipeline.Tokenization;

/// <summary>What one encoding pass did, as tokenize.json and the benchmark report it.</summary>
internal sealed record EncodeCounts(int Documents, long Tokens, long TextBytes, double Seconds)
{
    public long Blocks { get; init; }

    public double TokensPerSecond => Tokens / Math.Max(Seconds, 1e-9);

    public double MegabytesPerSecond => TextBytes / 1e6 / Math.Max(Seconds, 1e-9);
}
