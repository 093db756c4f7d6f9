namespace ContrastivePipeline.Report;

/// <summary>perplexity.json of one checkpoint: the mean loss (nats/token) of each held-out block.</summary>
internal sealed record PerplexityFile(double[] BlockLosses)
{
    public const string FileName = "perplexity.json";
}
