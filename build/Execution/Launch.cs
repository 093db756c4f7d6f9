using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// One instance handed to a launcher: its spec file (the unit of work: <c>ContrastivePipeline step &lt;spec&gt;</c>), the
/// log its whole output goes to, the device slot it holds, its threads and the cluster resources of its task.
/// </summary>
internal sealed record Launch(StepInstance Instance, string SpecFile, string LogFile, string Slot, int Threads, TaskResources Resources)
{
    /// <summary>A readable job name: task and instance.</summary>
    public string Name => $"{Instance.Task}-{Instance.Instance}";
}
