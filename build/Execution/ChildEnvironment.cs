namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// The environment a step's process gets, locally or in a Slurm job: its device slot, and OpenMP settings that keep
/// libtorch's threads from spinning. libgomp's threads busy-wait between kernels by default; with other instances on the
/// same cores that made kernels up to 20x slower (BENCHMARKS.md, "Threads of concurrent instances").
/// </summary>
internal static class ChildEnvironment
{
    public static IEnumerable<(string Name, string Value)> For(Launch launch) =>
    [
        .. DeviceSlots.Environment(launch.Slot),
        ("OMP_NUM_THREADS", launch.Threads.ToString()),
        ("OMP_WAIT_POLICY", "PASSIVE"),
    ];
}
