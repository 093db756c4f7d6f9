using ContrastivePipeline.Steps;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// Resolves the spec's device word: <c>cpu</c>, <c>cuda</c>, or <c>auto</c> (CUDA when TorchSharp reports it). CUDA is
/// always <c>cuda:0</c>, the first GPU the process sees: whoever starts the step (the host's device slots, Slurm's
/// <c>--gres=gpu:1</c>) gives it one GPU through CUDA_VISIBLE_DEVICES, so a step never chooses among several.
/// </summary>
internal static class TrainDevice
{
    public static Device Resolve(string name) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => FirstGpu,
        "cuda" => throw new StepException("device 'cuda' was asked for, but TorchSharp reports no CUDA device: no GPU is visible " +
            "(CUDA_VISIBLE_DEVICES), or this build references the CPU libtorch (build with -p:TorchBackend=cuda)"),
        "auto" => cuda.is_available() ? FirstGpu : CPU,
        _ => throw new StepException($"unknown device '{name}'; allowed: cpu, cuda, auto"),
    };

    static Device FirstGpu => new(DeviceType.CUDA, 0);
}
