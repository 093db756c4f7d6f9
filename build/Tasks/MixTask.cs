using ContrastivePipeline.Build.Internal;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Mix")]
[IsDependentOn(typeof(TrainBadTask))]
[TaskDescription("Packs each synthetic corpus (its seeded 95% training part) into blocks; TrainFinal mixes them per batch")]
public sealed class MixTask : PipelineTask;
