using Cake.Core;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build;

/// <summary>The typed context every task sees: the experiment, the paths, the store, and the instances planned so far.</summary>
public sealed class BuildContext(ICakeContext cake, Arguments arguments, Paths paths, Experiment experiment, Toolchain toolchain, int threads)
    : CakeContextAdapter(cake)
{
    readonly Dictionary<string, List<StepInstance>> planned = [];
    readonly Dictionary<string, DataInput> folders = [];

    /// <summary>
    /// The context a run of <paramref name="experiment"/> plans with, from cake.config: the artifact root, the threads and
    /// the device, which is part of every key, so "auto" is decided here, once (cuda where /dev/nvidia0 exists): a key
    /// never says "auto" for bytes made on a GPU. The run and the store verbs (Status, Gc) share it, so they see the same keys.
    /// </summary>
    internal static BuildContext Create(CakeServices cake, Arguments arguments, string root, Experiment experiment)
    {
        var paths = new Paths(root, cake.Configuration.GetValue("Paths_Artifacts") ?? "artifacts");
        var device = cake.Configuration.GetValue("Compute_Device") ?? "cpu";
        if (device == "auto")
            device = File.Exists("/dev/nvidia0") ? "cuda" : "cpu";
        var threads = int.TryParse(cake.Configuration.GetValue("Compute_Threads"), out var t) ? t : System.Environment.ProcessorCount;
        return new BuildContext(cake.Context, arguments, paths, experiment, Toolchain.Read(root, device), threads);
    }

    public Arguments Args { get; } = arguments;
    public Paths Paths { get; } = paths;
    public Experiment Experiment { get; } = experiment;
    public Toolchain Toolchain { get; } = toolchain;
    public int Threads { get; } = threads;
    public ArtifactStore Store { get; } = new(paths.Artifacts);

    /// <summary>The command this run was started with, as a user types it (model cards and the RO-Crate name it).</summary>
    public string Command { get; set; } = "";

    /// <summary>The task being planned; a task that plans nothing still counts as planned, with no instances.</summary>
    internal string CurrentTask
    {
        get;
        set
        {
            field = value;
            planned.TryAdd(value, []);
        }
    } = "";

    /// <summary>The instances an earlier task planned (its artifacts are this task's inputs).</summary>
    public IReadOnlyList<StepInstance> Planned<TTask>() where TTask : PipelineTask => Planned(TaskGraph.NameOf(typeof(TTask)));

    /// <summary>Every instance planned so far, in the plan's order.</summary>
    internal IEnumerable<StepInstance> AllPlanned => planned.Values.SelectMany(instances => instances);

    IReadOnlyList<StepInstance> Planned(string task) =>
        planned.TryGetValue(task, out var list) ? list
            : throw new InvalidOperationException($"task {CurrentTask} needs {task}, which is not in the plan: add [IsDependentOn]");

    /// <summary>The code each step runs, read from the built step CLI once per host run, when the first instance is planned.</summary>
    CodeHash Code => field ??= File.Exists(Paths.StepCli) ? CodeHash.Load(Paths.StepCli)
        : throw new StepFailedException($"step CLI not found at {Paths.StepCli}; build it with `dotnet build` (dotnet run --project build does).");

    /// <summary>
    /// The complete artifact under <paramref name="key"/> that this run may reuse, or null. With --verify, one whose output
    /// files no longer match its manifest is not reusable, and <paramref name="changed"/> names those files: one rule
    /// for the plan and for the scheduler, which decides the instances that were pending on their inputs.
    /// </summary>
    internal Manifest? Reusable(string step, string key, out string? changed)
    {
        changed = null;
        if (Store.TryGet(step, key) is not { } manifest)
            return null;
        if (Args.Verify && Store.Verify(manifest) is { Count: > 0 } files)
        {
            changed = $"--verify: output files changed: {string.Join(", ", files)}";
            return null;
        }
        return manifest;
    }

    /// <summary>Declares one step instance; its key is known once its inputs are complete (code, settings, input contents, toolchain).</summary>
    /// <param name="arm">The arm a final run or its evaluation belongs to, for the tasks after it.</param>
    public StepInstance Step(string step, string instance, object settings, int seed, IReadOnlyDictionary<string, StepInput> inputs, Arm? arm = null)
    {
        var stepInstance = new StepInstance(CurrentTask, step, instance, settings, seed, inputs,
            Code.For(step, (settings as IChoosesCode)?.ChosenCode().Select(t => t.FullName!).ToList()),
            System.Text.Json.JsonSerializer.Serialize(settings, settings.GetType(), Json.Canonical), Toolchain.Hash, Store)
        { Arm = arm };
        planned[CurrentTask].Add(stepInstance);
        return stepInstance;
    }

    /// <summary>
    /// A data folder outside the store as an input: its content hash covers its files' names and contents. Hashed once
    /// per host run (every evaluation reads the task folder: 45 ms each, 2 s for paper.yaml's 46 evaluations).
    /// </summary>
    public StepInput Folder(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Paths.Root, path));
        if (!folders.TryGetValue(full, out var input))
        {
            var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            folders[full] = input = new DataInput(full, Hash.OfParts(files.Select(f => Path.GetRelativePath(full, f) + "=" + Hash.OfFile(f)).ToArray()));
        }
        return input;
    }
}
