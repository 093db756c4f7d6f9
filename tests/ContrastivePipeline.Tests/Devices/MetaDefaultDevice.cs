using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Devices;

/// <summary>
/// Runs code with torch's default device set to <c>meta</c> while the code is given the <c>cpu</c> device: a tensor
/// created without the step's device lands on meta, which holds no data, and the first operation that mixes it with
/// the step's tensors, or reads it, throws. So a forgotten <c>device:</c> fails on this CPU-only machine as it would
/// on a GPU. The default device is process-wide, so these tests run alone (<see cref="Collection"/>).
/// </summary>
internal static class MetaDefaultDevice
{
    public const string Collection = "meta default device";

    public static void Run(Action action)
    {
        set_default_device(new Device(DeviceType.META));
        try
        {
            action();
        }
        catch (Exception e) when (e.Message.Contains("meta", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("a tensor was created without the step's device, so it landed on meta, the default " +
                "device in this test (on a GPU it would be on the CPU); the inner exception's stack shows where", e);
        }
        finally
        {
            set_default_device(CPU);
        }
    }
}
