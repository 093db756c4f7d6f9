namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// The devices running instances hold, one each: <c>cpu</c> (as many slots as jobs, the threads divided between them)
/// or CUDA devices (<c>cuda:0,cuda:1</c>: one instance per device, which its child sees as its only GPU).
/// </summary>
internal sealed class DeviceSlots
{
    readonly Queue<string> free;

    DeviceSlots(IEnumerable<string> slots) => free = new(slots);

    public int Count { get; private init; }

    /// <summary>Reads cake.config's <c>Compute.Devices</c>; <paramref name="jobs"/> bounds how many run at once.</summary>
    public static DeviceSlots Parse(string devices, int jobs)
    {
        var listed = devices.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (listed is ["cpu"])
            return new(Enumerable.Repeat("cpu", jobs)) { Count = jobs };
        var bad = listed.Where(d => !(d.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(d[5..], out var i) && i >= 0)).ToList();
        if (listed.Length == 0 || bad.Count > 0 || listed.Distinct().Count() < listed.Length)
            throw new ArgumentException($"Compute.Devices={devices}: give cpu, or distinct CUDA devices such as cuda:0,cuda:1");
        var slots = listed.Take(jobs).ToList();
        return new(slots) { Count = slots.Count };
    }

    public bool TryTake(out string slot) => free.TryDequeue(out slot!);

    public void Return(string slot) => free.Enqueue(slot);

    /// <summary>The environment a child gets for its slot: a CUDA slot makes that GPU the child's only (and first) one.</summary>
    public static IEnumerable<(string Name, string Value)> Environment(string slot) =>
        slot.StartsWith("cuda:", StringComparison.Ordinal) ? [("CUDA_VISIBLE_DEVICES", slot[5..])] : [];

    /// <summary>libtorch threads per instance: the configured threads shared by the instances that may run at once.</summary>
    public int ThreadsEach(int threads) => Math.Max(1, threads / Count);
}
