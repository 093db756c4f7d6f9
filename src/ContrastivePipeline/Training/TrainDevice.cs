using ContrastivePipeline.Steps;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>Resolves the spec's device word: <c>cpu</c>, <c>cuda</c>, or <c>auto</c> (CUDA when TorchSharp reports it).</summary>
internal static class TrainDevice
{
    public static Device Resolve(string name) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new StepException("device 'cuda' was asked for, but TorchSharp reports no CUDA device (this build references the CPU libtorch)"),
        "auto" => cuda.is_available() ? CUDA : CPU,
        _ => throw new StepException($"unknown device '{name}'; allowed: cpu, cuda, auto"),
    };
}
