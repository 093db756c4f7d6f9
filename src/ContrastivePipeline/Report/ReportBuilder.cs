using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>Aggregates the evaluated runs under both checkpoint rules and compares every arm with the baseline.</summary>
internal static class ReportBuilder
{
    public static ReportDocument Build(ReportSettings settings, IReadOnlyList<EvaluatedRun> runs, IReadOnlyList<CorpusRow>? corpora = null)
    {
        if (!runs.Any(r => r.Arm == settings.Baseline))
            throw new StepException($"no Score artifact of the baseline arm '{settings.Baseline}'");
        var checkpoints = runs.SelectMany(r => r.Arm == ReportDocument.GoodArm ? LastStep(r.Checkpoints) : r.Checkpoints).ToList();
        var tasks = TaskColumns.Order(checkpoints.Select(c => c.Evidence.Task));
        var best = Aggregate.Arms(checkpoints, CheckpointRule.Best, settings.Replicates, settings.Seed);
        var final = Aggregate.Arms(checkpoints, CheckpointRule.Final, settings.Replicates, settings.Seed);
        var good = runs.Any(r => r.Arm == ReportDocument.GoodArm) ? Rule(CheckpointRule.Final, final, settings.Baseline, isGood: true) : null;
        var summaries = runs.Select(r => new RunSummary(r.Arm, r.Seed, r.Checkpoints.Select(c => c.Step).Distinct().Order().ToList()));
        return new(settings.Baseline, settings.Arms, tasks, settings.Replicates, settings.Seed, summaries.ToList(),
            [Rule(CheckpointRule.Best, best, settings.Baseline, isGood: false), Rule(CheckpointRule.Final, final, settings.Baseline, isGood: false)],
            good, runs.SelectMany(r => r.Ties).ToList(), Held(runs),
            runs.SelectMany(r => r.Perplexity.Select(p => new CurvePoint(r.Arm, r.Seed, p.Step, p.File.Perplexity))).ToList(),
            [.. (corpora ?? []).OrderBy(c => c.Corpus == CorpusRow.Real ? 0 : 1)]);
    }

    /// <summary>The one set of held-out blocks every checkpoint was scored on; a paired comparison needs the same blocks.</summary>
    static PerplexitySet Held(IReadOnlyList<EvaluatedRun> runs)
    {
        var all = runs.SelectMany(r => r.Perplexity.Select(p => (r.Arm, r.Seed, p.Step, p.File))).ToList();
        var first = all[0];
        if (all.FirstOrDefault(p => !p.File.Blocks.SequenceEqual(first.File.Blocks)) is { File: not null } other)
            throw new StepException($"{other.Arm} seed {other.Seed} step {other.Step} was scored on other perplexity blocks than " +
                $"{first.Arm} seed {first.Seed} step {first.Step}; evaluate every model with the same evaluate.perplexity_blocks and seed");
        return PerplexitySet.Of(first.File);
    }

    /// <summary>The arms in table order: the baseline, then the configured arms, then any other evaluated arm.</summary>
    public static IReadOnlyList<string> ArmOrder(ReportDocument report, IEnumerable<string> evaluated) =>
        new[] { report.Baseline }.Concat(report.Arms.Select(a => a.Name))
            .Concat(evaluated.Where(a => a != ReportDocument.GoodArm).Order(StringComparer.Ordinal)).Distinct()
            .Where(evaluated.Contains).ToList();

    /// <summary>The arms' (or GOOD's alone) scores under one rule, each compared with the baseline's under that rule.</summary>
    static RuleReport Rule(CheckpointRule rule, IReadOnlyList<ArmTaskScore> all, string baseline, bool isGood)
    {
        var scores = all.Where(s => (s.Arm == ReportDocument.GoodArm) == isGood).ToList();
        var baselines = all.Where(s => s.Arm == baseline).ToDictionary(s => s.Task);
        var comparisons = scores.Where(s => s.Arm != baseline && baselines.ContainsKey(s.Task))
            .Select(s => Aggregate.Compare(s, baselines[s.Task])).ToList();
        var means = comparisons.Where(c => c.Task != TaskNames.Perplexity)
            .GroupBy(c => (c.Arm, Suite: TaskColumns.Suite(c.Task)))
            .Select(g => new SuiteMean(g.Key.Suite, Aggregate.MeanRelative(g.ToList()))).ToList();
        return new(rule, scores, comparisons, means);
    }

    /// <summary>GOOD is one checkpoint: its last evaluated step stands for it under both rules.</summary>
    static IEnumerable<CheckpointScore> LastStep(IReadOnlyList<CheckpointScore> checkpoints) =>
        checkpoints.Where(c => c.Step == checkpoints.Max(d => d.Step));
}
