using ContrastivePipeline.Build.Tasks;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Planning;

/// <summary>Where a BAD model's weights come from, for the tasks that read a BAD (Generate, Diagnose).</summary>
internal static class BadRun
{
    /// <summary>The run a BAD reads its weights from: its small run (TrainBad), or GOOD's own run (early checkpoint, dropout).</summary>
    public static StepInstance Of(BuildContext context, BadConfig bad) => bad.Rules().OwnRun
        ? context.Planned<TrainBadTask>().Single(i => ((TrainSettings)i.Settings) is var s && s.Model == bad.Model && s.Seed == bad.Seed)
        : context.Planned<TrainGoodTask>().Single();
}
