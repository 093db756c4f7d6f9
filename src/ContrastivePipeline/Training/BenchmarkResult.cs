namespace ContrastivePipeline.Training;

/// <summary>The benchmark's JSON line; field names match <c>benchmarks/train_reference.py</c>.</summary>
public sealed record BenchmarkResult(
    string Side, BenchmarkShape Shape, double TrainTokensPerS, double TrainGflops, double MatmulGflops, double Mfu);
