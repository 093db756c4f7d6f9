using ContrastivePipeline.Steps;
using ContrastivePipeline.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Training;

public sealed class TrainDeviceTests
{
    [Fact]
    public void Cpu_is_the_cpu_and_auto_is_the_first_visible_gpu_else_the_cpu()
    {
        Assert.Equal(DeviceType.CPU, TrainDevice.Resolve("cpu").type);
        var auto = TrainDevice.Resolve("auto");
        Assert.Equal(cuda.is_available() ? (DeviceType.CUDA, 0) : (DeviceType.CPU, -1), (auto.type, auto.index));
    }

    [Fact]
    public void Cuda_is_device_0_of_those_visible_or_an_error_naming_the_build_switch()
    {
        if (cuda.is_available())
        {
            var gpu = TrainDevice.Resolve("cuda");
            Assert.Equal((DeviceType.CUDA, 0), (gpu.type, gpu.index));
            return;
        }
        var error = Assert.Throws<StepException>(() => TrainDevice.Resolve("cuda"));
        Assert.Contains("-p:TorchBackend=cuda", error.Message);
    }

    [Fact]
    public void An_unknown_word_is_an_error_listing_the_allowed_ones() =>
        Assert.Contains("allowed: cpu, cuda, auto", Assert.Throws<StepException>(() => TrainDevice.Resolve("gpu")).Message);
}
