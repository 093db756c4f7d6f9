using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContrastivePipeline;

/// <summary>
/// What one attempt of a step cost, measured by the step process itself and printed as its last line (<see cref="Line"/>),
/// so it lands in the instance's log under either executor: wall time, CPU time of all its threads, peak resident memory.
/// Costs are logs: never in the store, never in a key. The host reads them back from the logs (<see cref="InLog"/>).
/// </summary>
internal sealed partial record StepCost(double WallSeconds, double CpuSeconds, long MaxRssBytes)
{
    const string Marker = "cost: ";

    public static readonly StepCost None = new(0, 0, 0);

    /// <summary>This process from its start until now.</summary>
    public static StepCost OfThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new((DateTime.Now - self.StartTime).TotalSeconds, self.TotalProcessorTime.TotalSeconds, self.PeakWorkingSet64);
    }

    /// <summary>The line a step prints last, e.g. <c>cost: wall 12.3 s, CPU 20.1 s, max RSS 512.0 MB</c>.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{Marker}wall {WallSeconds:F1} s, CPU {CpuSeconds:F1} s, max RSS {MaxRssBytes / 1e6:F1} MB");

    /// <summary>The cost a <see cref="Line"/> states, or null for any other line.</summary>
    public static StepCost? Parse(string line)
    {
        var match = LinePattern().Match(line);
        if (!match.Success)
            return null;
        double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new(Number("wall"), Number("cpu"), (long)Math.Round(Number("rss") * 1e6));
    }

    /// <summary>
    /// Every attempt an instance's log records (one header line <c>=== Task/instance on host...</c> per attempt, under
    /// either executor): their costs summed (peak memory: the largest), and how many attempts ended without a cost
    /// line (killed, or run before steps printed one).
    /// </summary>
    public static (StepCost Total, int Measured, int Unmeasured) InLog(string log)
    {
        if (!File.Exists(log))
            return (None, 0, 0);
        var (total, measured, attempts) = (None, 0, 0);
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line)
        {
            if (AttemptHeader().IsMatch(line))
                attempts++;
            else if (Parse(line) is { } cost)
            {
                total = total.Plus(cost);
                measured++;
            }
        }
        return (total, measured, Math.Max(0, attempts - measured));
    }

    public StepCost Plus(StepCost other) =>
        new(WallSeconds + other.WallSeconds, CpuSeconds + other.CpuSeconds, Math.Max(MaxRssBytes, other.MaxRssBytes));

    /// <summary>CPU time over wall time: the cores it kept busy on average.</summary>
    public double Cores => WallSeconds > 0 ? CpuSeconds / WallSeconds : 0;

    // The step's own lines carry its "[Step/instance] " prefix; the cost line does not, but a console copy may add one.
    [GeneratedRegex(@"(?:^|\] )cost: wall (?<wall>[0-9.]+) s, CPU (?<cpu>[0-9.]+) s, max RSS (?<rss>[0-9.]+) MB$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^=== \S+ on ")]
    private static partial Regex AttemptHeader();
}
