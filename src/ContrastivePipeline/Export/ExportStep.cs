using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Export;

/// <summary>
/// Export: one checkpoint of a training run, with the run's tokenizer, as a Hugging Face LlamaForCausalLM folder
/// for transformers and the official BabyLM evaluation pipeline. Inputs: <c>run</c> (a Train step folder) and
/// <c>tokens</c> (the Tokenize step folder the run was trained on).
/// </summary>
internal sealed class ExportStep : IStep
{
    public string Name => ExportContract.Step;

    /// <summary>Of the run, only the exported checkpoint is checked against its manifest (all of them when none is named).</summary>
    public bool Reads(StepContext context, string input, string file) =>
        input != ExportContract.Run || context.Settings<ExportSettings>().Step is not { } step ? Path.GetFileName(file) != RunLayout.OptimizerFile
            : Checkpoints.Reads(file, step);

    public void Run(StepContext context)
    {
        var settings = context.Settings<ExportSettings>();
        var run = context.Input(ExportContract.Run);
        var tokens = context.Input(ExportContract.Tokens);
        var (step, folder) = Checkpoint(run, settings);
        if (!File.Exists(Path.Combine(tokens, BpeFiles.Tokenizer)))
            throw new StepException($"export {settings.Name}: {Path.Combine(tokens, BpeFiles.Tokenizer)} is missing: the tokens " +
                "input must be a Tokenize step folder; re-run the Tokenize step");

        using var model = Checkpoints.LoadModel(folder);
        var vocab = BpeEncoder.Load(tokens).VocabSize;
        if (vocab != model.Shape.Vocab)
            throw new StepException($"export {settings.Name}: {folder} has a vocabulary of {model.Shape.Vocab:N0} but the tokenizer " +
                $"in {tokens} has {vocab:N0}: pass the Tokenize folder this run was trained on");
        HuggingFaceExport.Write(model, tokens, context.OutputFolder);
        context.Log($"exported {settings.Name} step {step} ({model.Shape.Layers} layers, hidden {model.Shape.Hidden}, " +
            $"vocab {model.Shape.Vocab:N0}) as a Hugging Face LlamaForCausalLM folder");
    }

    static (long Step, string Folder) Checkpoint(string run, ExportSettings settings)
    {
        var checkpoints = Checkpoints.List(run);
        if (checkpoints.Count == 0)
            throw new StepException($"export {settings.Name}: {Path.Combine(run, "checkpoints")} holds no complete checkpoint: " +
                "the run input must be a finished Train step folder; re-run its Train step");
        if (settings.Step is not { } wanted)
            return checkpoints[^1];
        foreach (var checkpoint in checkpoints)
            if (checkpoint.Step == wanted)
                return checkpoint;
        throw new StepException($"export {settings.Name}: {Checkpoints.Folder(run, wanted)} does not exist; that run has checkpoints " +
            $"at steps {string.Join(", ", checkpoints.Select(c => c.Step))}: pick one of them (or none for the last)");
    }
}
