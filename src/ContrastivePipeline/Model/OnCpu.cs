using static TorchSharp.torch;

namespace ContrastivePipeline.Model;

/// <summary>
/// Models are built and initialised on the CPU (the CPU generator, so a seed gives the same weights on every device)
/// and then moved with <c>.to(device)</c>. Saying so here, rather than relying on torch's default device, lets the
/// wrong-device tests set that default to <c>meta</c>: then every other tensor a step creates without its device fails.
/// </summary>
internal static class OnCpu
{
    public static T Build<T>(Func<T> build)
    {
        var previous = get_default_device();
        set_default_device(CPU);
        try
        {
            return build();
        }
        finally
        {
            set_default_device(previous);
        }
    }
}
