using ContrastivePipeline.Build.Planning;
using Spectre.Console;

namespace ContrastivePipeline.Build.Host;

/// <summary>
/// Prints the plan: one row per step instance, run or cached, and why. On a terminal a table; into a file or a pipe
/// one line per instance, since a table there is wrapped at 80 columns, task names split mid-word.
/// </summary>
internal static class PlanPrinter
{
    public static void Print(IEnumerable<PlanEntry> plan)
    {
        if (Console.IsOutputRedirected)
        {
            foreach (var e in plan)
                Console.WriteLine($"plan: {e.Task}/{e.Instance} {Key(e)} {e.Status}: {e.Reason}");
            return;
        }
        var table = new Table().AddColumns("Task", "Instance", "Key", "Status", "Reason");
        foreach (var e in plan)
        {
            var status = e.Status == PlanEntry.Run ? "[yellow]run[/]" : "[green]cached[/]";
            table.AddRow(Markup.Escape(e.Task), Markup.Escape(e.Instance), Key(e), status, Markup.Escape(e.Reason));
        }
        AnsiConsole.Write(table);
    }

    static string Key(PlanEntry e) => e.Key.Length == 0 ? "pending" : e.Key[..8];
}
