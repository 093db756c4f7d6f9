namespace ContrastivePipeline.Report;

/// <summary>One point of a learning curve: a run's held-out perplexity at one evaluated checkpoint.</summary>
internal sealed record CurvePoint(string Arm, int Seed, int Step, double Perplexity);
