namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>The paper's aggregation (PAPER.md §6) as pure functions over per-checkpoint evidence.</summary>
internal static class Aggregate
{
    public const int Replicates = 1000;
    public const int Seed = 42;

    /// <summary>One score per (arm, task): the chosen checkpoint per seed, then the mean over seeds.</summary>
    /// <remarks>One <see cref="ResampleSet"/> per task serves every arm, seed and checkpoint (a paired bootstrap).</remarks>
    public static IReadOnlyList<ArmTaskScore> Arms(
        IEnumerable<CheckpointScore> checkpoints, CheckpointRule rule, int replicates = Replicates, int seed = Seed)
    {
        var scores = new List<ArmTaskScore>();
        foreach (var task in checkpoints.GroupBy(c => c.Evidence.Task, StringComparer.Ordinal))
        {
            var set = ResampleSet.Create(task.First().Evidence.Strata, replicates, seed);
            foreach (var arm in task.GroupBy(c => c.Arm, StringComparer.Ordinal))
                scores.Add(Arm(arm.Key, task.Key, arm, rule, set));
        }
        return scores;
    }

    /// <summary>The checkpoint standing for one seed: best by the task's direction (earliest step on equal scores), or the last.</summary>
    public static CheckpointScore Select(IEnumerable<CheckpointScore> runOfOneSeed, CheckpointRule rule)
    {
        var byStep = runOfOneSeed.OrderBy(c => c.Step).ToList();
        if (rule == CheckpointRule.Final)
            return byStep[^1];
        var sign = byStep[0].Evidence.HigherIsBetter ? 1 : -1;
        return byStep.Select(c => (Checkpoint: c, Score: sign * c.Evidence.Score()))
            .Aggregate((best, next) => next.Score > best.Score ? next : best).Checkpoint;
    }

    static ArmTaskScore Arm(string arm, string task, IEnumerable<CheckpointScore> checkpoints, CheckpointRule rule, ResampleSet set)
    {
        var chosen = checkpoints.GroupBy(c => c.Seed).OrderBy(g => g.Key).Select(g => Select(g, rule)).ToList();
        var perSeed = chosen.Select(c => set.Apply(c.Evidence)).ToList();
        var mean = Enumerable.Range(0, set.Replicates).Select(b => perSeed.Average(r => r[b])).ToArray();
        var pooled = perSeed.SelectMany(r => r).ToArray();
        var seeds = chosen.Select(c => new SeedScore(c.Seed, c.Step, c.Evidence.Score())).ToList();
        return new(arm, task, rule, chosen[0].Evidence.HigherIsBetter, seeds.Average(s => s.Score),
            PopulationStd(pooled) / Math.Sqrt(chosen.Count), Interval.Percentile95(mean), seeds, mean);
    }

    public static Comparison Compare(ArmTaskScore arm, ArmTaskScore baseline)
    {
        if (arm.Task != baseline.Task || arm.Replicates.Length != baseline.Replicates.Length)
            throw new ArgumentException($"cannot pair {arm.Arm}/{arm.Task} with {baseline.Arm}/{baseline.Task}");
        var higher = arm.HigherIsBetter;
        var improvements = arm.Replicates.Zip(baseline.Replicates, (m, b) => Improvement(m, b, higher)).ToArray();
        var relative = arm.Replicates.Zip(baseline.Replicates, (m, b) => RelativeChange(m, b, higher)).ToArray();
        return new(arm.Arm, baseline.Arm, arm.Task, arm.Rule, higher, arm.Mean, baseline.Mean,
            RelativeChange(arm.Mean, baseline.Mean, higher), Interval.Percentile95(relative),
            Improvement(arm.Mean, baseline.Mean, higher), Interval.Percentile95(improvements), PValue(improvements), relative);
    }

    /// <summary>μΔREL over the given comparisons of one arm, leaving out perplexity (any lower-is-better task).</summary>
    public static MeanRelativeChange MeanRelative(IReadOnlyList<Comparison> comparisons)
    {
        var tasks = comparisons.Where(c => c.HigherIsBetter).ToList();
        if (tasks.Count == 0 || tasks.Any(c => c.Arm != tasks[0].Arm || c.Baseline != tasks[0].Baseline || c.Rule != tasks[0].Rule))
            throw new ArgumentException("μΔREL needs comparisons of one arm against one baseline under one rule");
        var replicates = Enumerable.Range(0, tasks[0].RelativeReplicates.Length)
            .Select(b => tasks.Average(c => c.RelativeReplicates[b])).ToArray();
        return new(tasks[0].Arm, tasks[0].Baseline, tasks[0].Rule, tasks.Select(c => c.Task).ToList(),
            tasks.Average(c => c.RelativeChange), Interval.Percentile95(replicates), PValue(replicates));
    }

    /// <summary>(m − b)/b when higher is better, (b − m)/b otherwise (perplexity), so positive always means better.</summary>
    public static double RelativeChange(double model, double baseline, bool higherIsBetter) =>
        Improvement(model, baseline, higherIsBetter) / baseline;

    public static double Improvement(double model, double baseline, bool higherIsBetter) =>
        higherIsBetter ? model - baseline : baseline - model;

    /// <summary>One-sided bootstrap p-value of "no improvement": (#{d ≤ 0} + 1)/(B + 1).</summary>
    public static double PValue(IReadOnlyCollection<double> improvements) =>
        (improvements.Count(d => d <= 0) + 1.0) / (improvements.Count + 1.0);

    static double PopulationStd(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }
}
