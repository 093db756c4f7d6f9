using System.Reflection;

namespace ContrastivePipeline.Build.Planning;

/// <summary>The task classes of an assembly and their dependencies: order, cycles, downstream sets.</summary>
public sealed class TaskGraph
{
    readonly Dictionary<string, Type> tasks;

    public TaskGraph(IEnumerable<Type> types)
    {
        tasks = types.Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(PipelineTask)))
            .ToDictionary(NameOf, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Names => tasks.Keys.Order(StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? throw new InvalidOperationException($"{type.Name} lacks [TaskName]");

    public static string DescriptionOf(Type type) => type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? "";

    public Type this[string name] => tasks.TryGetValue(name, out var type) ? type
        : throw new ArgumentException($"unknown target '{name}'; tasks: {string.Join(", ", Names)}");

    public IEnumerable<string> Dependencies(string name) =>
        this[name].GetCustomAttributes<IsDependentOnAttribute>().Select(a => NameOf(a.Task));

    /// <summary>The tasks that run for <paramref name="target"/>, dependencies first; a cycle is an error naming it.</summary>
    public IReadOnlyList<string> Order(string target)
    {
        var order = new List<string>();
        var path = new List<string>();
        Visit(NameOf(this[target]));
        return order;

        void Visit(string name)
        {
            if (order.Contains(name))
                return;
            if (path.Contains(name))
                throw new InvalidOperationException($"the task graph has a cycle: {string.Join(" -> ", path.SkipWhile(p => p != name))} -> {name}");
            path.Add(name);
            foreach (var dependency in Dependencies(name))
                Visit(dependency);
            path.RemoveAt(path.Count - 1);
            order.Add(name);
        }
    }

    /// <summary><paramref name="task"/> and every task of <paramref name="order"/> that depends on it, directly or not.</summary>
    public ISet<string> Downstream(string task, IReadOnlyList<string> order)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { NameOf(this[task]) };
        foreach (var name in order)
        {
            if (Dependencies(name).Any(set.Contains))
                set.Add(name);
        }
        return set;
    }
}
