using System.Globalization;

namespace ContrastivePipeline.Build.Execution;

/// <summary>One job as <c>squeue -O</c> shows it (<see cref="Format"/>): state, pending reason, restarts, node, script.</summary>
internal sealed record SlurmRow(string Id, string State, string Reason, int Restarts, string Node, string Name, string Command)
{
    /// <summary>
    /// squeue's fields, separated by '|' and unpadded. <c>-O</c> rather than <c>-o</c>: only it has the restart count,
    /// which is how a requeue shows when the job went back to RUNNING between two polls. The command (the sbatch
    /// script) comes last: a path may hold any character.
    /// </summary>
    public const string Format = "JobID:|,State:|,Reason:|,RestartCnt:|,NodeList:|,Name:|,Command:";

    /// <summary>The rows of squeue's output in <see cref="Format"/>; lines that do not fit are skipped.</summary>
    public static List<SlurmRow> Parse(string output) =>
    [
        .. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd().Split('|', 7))
            .Where(f => f.Length == 7 && int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => new SlurmRow(f[0].Trim(), f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], f[6])),
    ];
}
