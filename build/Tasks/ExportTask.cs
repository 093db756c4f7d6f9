using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Build.Publish;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Tasks;

[TaskName("Export")]
[IsDependentOn(typeof(TrainFinalTask))]
[TaskDescription("Writes GOOD and every final model as a Hugging Face LlamaForCausalLM folder (config, safetensors, tokenizer), with a model card in runs/<experiment>/export/")]
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

    /// <summary>Puts each exported model, with its model card, in the run folder (export/&lt;instance&gt;/).</summary>
    public override void Run(BuildContext context)
    {
        foreach (var export in context.Planned<ExportTask>())
        {
            var folder = HubFolder.Write(context, export);
            Console.WriteLine($"[{export.Id}] {context.Paths.Relative(folder)}: model card and the exported files");
        }
    }

    static StepInstance Export(BuildContext context, StepInstance run, string name, ExportSettings settings, StepInput tokens) =>
        context.Step(ExportContract.Step, name, settings, run.Seed,
            new Dictionary<string, StepInput> { [ExportContract.Run] = run.AsInput(), [ExportContract.Tokens] = tokens });
}
