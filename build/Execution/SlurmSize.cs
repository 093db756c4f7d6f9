using System.Globalization;
using System.Text.RegularExpressions;

namespace ContrastivePipeline.Build.Execution;

/// <summary>Slurm's memory (<c>4G</c>, <c>500M</c>, <c>1000</c> in MB) and time (<c>90</c> minutes, <c>HH:MM:SS</c>, <c>D-HH[:MM[:SS]]</c>) values, read and written.</summary>
internal static partial class SlurmSize
{
    public static long? Megabytes(string? memory)
    {
        var m = Memory().Match(memory ?? "");
        if (!m.Success)
            return null;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = m.Groups[2].Value.ToUpperInvariant() switch { "K" => 1.0 / 1024, "G" => 1024, "T" => 1024 * 1024, _ => 1 };
        return (long)Math.Ceiling(value * factor);
    }

    public static string Memory(long megabytes) =>
        megabytes % 1024 == 0 ? $"{megabytes / 1024}G" : $"{megabytes}M";

    public static TimeSpan? Time(string? time)
    {
        var m = Duration().Match(time ?? "");
        if (!m.Success)
            return null;
        int Part(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups[1].Success) // days-hours[:minutes[:seconds]]
            return new TimeSpan(Part(1), Part(2), Part(3), Part(4));
        // minutes | minutes:seconds | hours:minutes:seconds
        return m.Groups[7].Success ? new TimeSpan(Part(5), Part(6), Part(7)) : new TimeSpan(0, Part(5), Part(6));
    }

    public static string Time(TimeSpan time) =>
        time.Days > 0 ? $"{time.Days}-{time.Hours:D2}:{time.Minutes:D2}:{time.Seconds:D2}" : $"{(int)time.TotalHours:D2}:{time.Minutes:D2}:{time.Seconds:D2}";

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([KMGTkmgt]?)[Bb]?\s*$")]
    private static partial Regex Memory();

    [GeneratedRegex(@"^(?:(\d+)-(\d+)(?::(\d+))?(?::(\d+))?|(\d+)(?::(\d+))?(?::(\d+))?)$")]
    private static partial Regex Duration();
}
