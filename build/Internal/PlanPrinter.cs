using Spectre.Console;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Prints the plan: one row per step instance, run or cached, and why.</summary>
internal static class PlanPrinter
{
    public static void Print(IEnumerable<PlanEntry> plan)
    {
        var table = new Table().AddColumns("Task", "Instance", "Key", "Status", "Reason");
        foreach (var e in plan)
        {
            var status = e.Status == PlanEntry.Run ? "[yellow]run[/]" : "[green]cached[/]";
            table.AddRow(Markup.Escape(e.Task), Markup.Escape(e.Instance), e.Key.Length == 0 ? "pending" : e.Key[..8], status, Markup.Escape(e.Reason));
        }
        AnsiConsole.Write(table);
    }
}
