using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using Spectre.Console;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// The verbs that look at the store instead of running the pipeline: <c>--target=Status</c>, <c>--target=Gc</c>,
/// <c>--target=Compare</c>. None of them runs a step; only Gc deletes, and only when given a scope.
/// </summary>
internal static class StoreVerbs
{
    public static bool Handles(string target) => target.ToLowerInvariant() is "status" or "gc" or "compare";

    public static int Run(Arguments arguments, string root)
    {
        try
        {
            return arguments.Target.ToLowerInvariant() switch
            {
                "status" => StoreStatus.Run(Load(arguments, root, arguments.Experiment)),
                "gc" => StoreGc.Run(arguments, root),
                _ => Compare.Run(arguments, root),
            };
        }
        catch (ConfigException e)
        {
            Say("[red]error:[/] " + Markup.Escape(e.Message));
            return 1;
        }
    }

    /// <summary>The context a run of <paramref name="experiment"/> would plan with (same artifact root, toolchain, keys).</summary>
    public static BuildContext Load(Arguments arguments, string root, string experiment)
    {
        var cake = new CakeServices(arguments, root);
        var loaded = ExperimentLoader.Load(Paths.ExperimentFile(experiment, root), root);
        return BuildContext.Create(cake, arguments, root, loaded);
    }

    public static TaskGraph Graph => new(typeof(StoreVerbs).Assembly.GetTypes());

    /// <summary>Bytes of every file under a folder (0 when it does not exist).</summary>
    public static long Size(string folder) => !Directory.Exists(folder) ? 0
        : new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):F1} KiB",
        _ => $"{bytes} B",
    };

    public static string Age(TimeSpan age) => age.TotalDays >= 1 ? $"{age.TotalDays:F0} d"
        : age.TotalHours >= 1 ? $"{age.TotalHours:F0} h" : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:F0} min" : $"{age.TotalSeconds:F0} s";

    /// <summary>A table on a terminal; into a file or pipe as plain tab-separated lines, so it can be read back.</summary>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Console.IsOutputRedirected)
        {
            Console.WriteLine(string.Join('\t', columns));
            foreach (var row in rows)
                Console.WriteLine(string.Join('\t', row));
            return;
        }
        var table = new Table().AddColumns([.. columns.Select(Markup.Escape)]);
        foreach (var row in rows)
            table.AddRow([.. row.Select(Markup.Escape)]);
        AnsiConsole.Write(table);
    }

    public static void Say(string markup)
    {
        if (Console.IsOutputRedirected)
            Console.WriteLine(markup.RemoveMarkup());
        else
            AnsiConsole.MarkupLine(markup);
    }
}
