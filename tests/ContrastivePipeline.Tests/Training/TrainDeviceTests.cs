using ContrastivePipeline.Steps;
using ContrastivePipeline.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Training;

public sealed class TrainDeviceTests
{
    [Fact]
    public void Cpu_IsTheCpu_AndAutoIsTheFirstVisibleGpuElseTheCpu()
    {
        Assert.Equal(DeviceType.CPU, TrainDevice.Resolve("cpu").type);
        var auto = TrainDevice.Resolve("auto");
        Assert.Equal(cuda.is_available() ? (DeviceType.CUDA, 0) : (DeviceType.CPU, -1), (auto.type, auto.index));
    }

    [Fact]
    public void Cuda_IsDevice0OfThoseVisible_OrAnErrorNamingTheBuildSwitch()
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
    public void AnUnknownWord_IsAnError_ListingTheAllowedOnes() =>
        Assert.Contains("allowed: cpu, cuda, auto", Assert.Throws<StepException>(() => TrainDevice.Resolve("gpu")).Message);
}
