using System.Globalization;
using Cake.Core.Configuration;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>Chooses the launcher (--executor, cake.config's Run.Executor) and the device slots, and shapes each launch.</summary>
internal static class Launching
{
    public static (ILauncher Launcher, DeviceSlots Slots) Choose(ICakeConfiguration config, Arguments args, Paths paths, string device)
    {
        var jobs = args.Jobs ?? (config.GetValue("Run_Jobs") is { Length: > 0 } j
            ? int.TryParse(j, out var n) && n >= 1 ? n : throw new ArgumentException($"cake.config [Run] Jobs={j}: give a whole number, at least 1")
            : 1);
        var executor = args.Executor ?? config.GetValue("Run_Executor") ?? "local";
        switch (executor)
        {
            case "local":
                var devices = config.GetValue("Compute_Devices") is { Length: > 0 } d ? d : device == "cuda" ? "cuda:0" : "cpu";
                if (device == "cpu" && devices != "cpu")
                    throw new ArgumentException($"cake.config: Compute.Devices={devices} lists CUDA devices but Compute.Device is cpu; set Device=cuda");
                return (new LocalLauncher(paths.Root, paths.StepCli), DeviceSlots.Parse(devices, jobs));
            case "slurm":
                var settings = new SlurmSettings(Seconds(config, "Slurm_Poll", 5), Seconds(config, "Slurm_CommitGrace", 60),
                    config.GetValue("Slurm_Signal") is { } signal ? signal.Length > 0 ? signal : null : DefaultSignal,
                    Size(config, "Slurm_MaxMemory", SlurmSize.Megabytes), Size(config, "Slurm_MaxTime", SlurmSize.Time));
                return (new SlurmLauncher(paths.Root, paths.StepCli, settings, new Artifacts.ArtifactStore(paths.Artifacts)),
                    DeviceSlots.Parse("cpu", jobs));
            default:
                throw new ArgumentException($"--executor={executor}: give local or slurm");
        }
    }

    /// <summary>USR1 two minutes before a job's time limit: enough for an optimizer step and a checkpoint of the paper's model.</summary>
    const string DefaultSignal = "B:USR1@120";

    /// <summary>Where an instance's spec and log go, with its threads and resources; its slot is filled in when it starts.</summary>
    public static Launch Shape(StepInstance instance, Paths paths, int threads, TaskResources resources) =>
        new(instance, Path.Combine(paths.Specs, $"{instance.Step}-{instance.Key}.json"),
            paths.Log(instance.Step, instance.Key), "", threads, resources);

    /// <summary>A Slurm memory or time value of cake.config, checked where it is read.</summary>
    static string? Size<T>(ICakeConfiguration config, string key, Func<string, T?> parse) where T : struct =>
        config.GetValue(key) is not { Length: > 0 } v ? null
        : parse(v) is not null ? v : throw new ArgumentException($"cake.config {key}={v}: give a value in Slurm's syntax (e.g. 64G, 2-00:00:00)");

    static TimeSpan Seconds(ICakeConfiguration config, string key, double fallback) =>
        TimeSpan.FromSeconds(config.GetValue(key) is { Length: > 0 } v
            ? double.TryParse(v, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : throw new ArgumentException($"cake.config {key}={v}: give seconds")
            : fallback);
}
