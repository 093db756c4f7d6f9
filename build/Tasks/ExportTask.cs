using ContrastivePipeline.Build.Internal;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Export")]
[IsDependentOn(typeof(TrainFinalTask))]
[TaskDescription("Writes GOOD and every final model as a Hugging Face LlamaForCausalLM folder (config, safetensors, tokenizer)")]
public sealed class ExportTask : PipelineTask
{
    public override IEnumerable<StepInstance> Plan(BuildContext context)
    {
        var tokens = context.Planned<TokenizeTask>().Single().AsInput();
        var good = context.Planned<TrainGoodTask>().Single();
        yield return Export(context, good, "good", new ExportSettings("GOOD", context.Experiment.Good.Step), tokens);
        foreach (var run in context.Planned<TrainFinalTask>())
            yield return Export(context, run, run.Instance, new ExportSettings(run.Instance), tokens);
    }

    static StepInstance Export(BuildContext context, StepInstance run, string name, ExportSettings settings, StepInput tokens) =>
        context.Step("Export", name, settings, run.Seed, new Dictionary<string, StepInput> { ["run"] = run.AsInput(), ["tokens"] = tokens });
}
