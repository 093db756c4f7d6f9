using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// Each task's cluster resources, most specific first: the experiment's <c>resources.&lt;Task&gt;</c>, its
/// <c>resources.default</c>, cake.config's <c>[Resources_&lt;Task&gt;]</c>, then its <c>[Resources]</c>. Never part of a key.
/// </summary>
internal sealed class ClusterResources
{
    readonly Dictionary<string, TaskResources> byTask = [];

    /// <param name="config">cake.config's values by key (Section_Key).</param>
    public ClusterResources(Func<string, string?> config, Experiment experiment, IEnumerable<string> tasks)
    {
        var names = tasks.ToList();
        var unknown = experiment.Resources.Keys.Where(k => k != "default" && !names.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"resources: no task named {string.Join(", ", unknown)} in {experiment.Name}; " +
                $"name a task ({string.Join(", ", names)}) or default");
        var machine = Read(config, "Resources");
        var fallback = experiment.Resources.GetValueOrDefault("default")?.Over(machine) ?? machine;
        foreach (var task in names)
        {
            var forTask = Read(config, $"Resources_{task}").Over(fallback);
            byTask[task] = experiment.Resources.GetValueOrDefault(task)?.Over(forTask) ?? forTask;
        }
    }

    public TaskResources For(string task) => byTask[task];

    static TaskResources Read(Func<string, string?> config, string section)
    {
        string? Get(string key) => config($"{section}_{key}") is { Length: > 0 } v ? v : null;
        int? Number(string key) => Get(key) is not { } v ? null
            : int.TryParse(v, out var n) ? n : throw new ArgumentException($"cake.config [{section}] {key}={v}: give a whole number");
        return new TaskResources
        {
            Cpus = Number("Cpus"),
            Memory = Get("Memory"),
            Gpus = Number("Gpus"),
            Time = Get("Time"),
            Partition = Get("Partition"),
            Account = Get("Account"),
            Options = Get("Options")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
        };
    }
}
