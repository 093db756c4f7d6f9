namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>A closed interval, here a bootstrap percentile interval.</summary>
internal sealed record Interval(double Low, double High)
{
    public bool Contains(double value) => Low <= value && value <= High;

    /// <summary>The 2.5th and 97.5th percentiles, interpolated linearly between order statistics (numpy's default).</summary>
    public static Interval Percentile95(IReadOnlyList<double> values) => new(Percentile(values, 2.5), Percentile(values, 97.5));

    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
            throw new ArgumentException("no values");
        var sorted = values.Order().ToArray();
        var position = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
