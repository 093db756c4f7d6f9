using System.Globalization;
using System.Text;
using System.Text.Json;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Publish;

/// <summary>
/// The README.md of an exported model in the Hugging Face Hub's model-card format: YAML front matter (language,
/// library, tags, and the report's numbers as a model-index), then what the model is (arm, ratio, strategy, BAD, seed),
/// how it was trained, where it comes from, and the command and keys that made it.
/// </summary>
internal static class ModelCard
{
    public const string Paper = "Ulm, Du, Snaebjarnarson. *Contrastive Decoding for Synthetic Data Generation in Low-Resource " +
        "Language Modeling*. BabyLM Challenge 2025";

    /// <param name="metrics">The report's numbers for this model; null when the run has no report yet.</param>
    public static string Text(BuildContext context, StepInstance export, StepInstance run, IReadOnlyList<CardMetric>? metrics)
    {
        var e = context.Experiment;
        var train = (TrainSettings)run.Settings;
        var title = $"{e.Name}: {(run.Arm is { } a ? $"{a.Name}, seed {train.Seed}" : $"GOOD (step {e.Good.Step} of the base run, seed {train.Seed})")}";
        var text = new StringBuilder();
        text.AppendLine("---").AppendLine("language:").AppendLine("- en").AppendLine("library_name: transformers")
            .AppendLine("pipeline_tag: text-generation").AppendLine("tags:");
        foreach (var tag in new[] { "llama", "babylm", "contrastive-decoding", "synthetic-data" })
            text.AppendLine($"- {tag}");
        if (metrics is { Count: > 0 })
            ModelIndex(text, title, Corpus(context), metrics);
        text.AppendLine("---").AppendLine().AppendLine($"# {title}").AppendLine()
            .AppendLine($"A Llama language model trained from scratch by ContrastivePipeline, which reproduces {Paper}.").AppendLine();
        What(text, context, run, train);
        text.AppendLine("## Evaluation").AppendLine().AppendLine("From the run's report.json: this checkpoint's own scores (the final " +
            "checkpoint of this seed; GOOD's evaluated step for GOOD), and its arm's μΔREL over seeds against the baseline.").AppendLine();
        if (metrics is not { Count: > 0 })
            text.AppendLine("No report of this run yet: `--target=Evaluate`, then `--target=Export` again, fills this section in.");
        foreach (var m in metrics ?? [])
            text.AppendLine($"- {m.Name}: {Number(m.Value)}");
        Provenance(text, context, export, run);
        return text.ToString();
    }

    static void What(StringBuilder text, BuildContext context, StepInstance run, TrainSettings train)
    {
        var arm = run.Arm;
        text.AppendLine("| | |").AppendLine("|---|---|")
            .AppendLine($"| arm | {arm?.Name ?? "GOOD (the contrastive decoder's expert; no arm of the comparison)"} |")
            .AppendLine($"| synthetic ratio | {(arm is null || arm.Mix is null ? "0 (real data only)" : $"{Number(arm.Ratio)} nominal, {Number(train.Synthetic!.Fraction)} of every batch")} |")
            .AppendLine($"| decoding strategy | {arm?.Strategy?.Name ?? "none"} |")
            .AppendLine($"| BAD | {Bad(context, arm)} |")
            .AppendLine($"| seed | {train.Seed} |")
            .AppendLine($"| corpus | {Corpus(context)} |").AppendLine();
        text.AppendLine("## Training").AppendLine().AppendLine("The Train step's settings, as its key hashes them:").AppendLine()
            .AppendLine("```json").AppendLine(JsonSerializer.Serialize(train, Json.Options)).AppendLine("```").AppendLine();
        if (arm?.Mix is { } mix && ((ArtifactInput)mix.Inputs[MixContract.Synthetic]).Source.Settings is GenerateSettings generate)
            text.AppendLine("The synthetic corpus's Generate settings:").AppendLine().AppendLine("```json")
                .AppendLine(JsonSerializer.Serialize(generate, Json.Options)).AppendLine("```").AppendLine();
    }

    static void Provenance(StringBuilder text, BuildContext context, StepInstance export, StepInstance run)
    {
        text.AppendLine().AppendLine("## How it was made").AppendLine()
            .AppendLine("```bash").AppendLine(context.Command).AppendLine("```").AppendLine()
            .AppendLine($"- Export key `{export.Key}` (step CLI: `dotnet {context.Paths.Relative(context.Paths.StepCli)} step " +
                $"{context.Paths.Relative(Path.Combine(context.Paths.Specs, $"{export.Step}-{export.Key}.json"))}`)")
            .AppendLine($"- Training run {run.Id}, key `{run.Key}`, code hash `{run.Parts!.Code}`")
            .AppendLine($"- Toolchain: TorchSharp {context.Toolchain.TorchSharp}, libtorch {context.Toolchain.Libtorch}, .NET {context.Toolchain.Dotnet}, " +
                $"device {context.Toolchain.Device}")
            .AppendLine($"- Reference: {Paper}.").AppendLine()
            .AppendLine("Load it as any Llama: `AutoModelForCausalLM.from_pretrained(folder)` and `AutoTokenizer.from_pretrained(folder)`.");
    }

    /// <summary>The BAD model the arm's corpus was contrasted with: its kind and label, checkpoint and dropout.</summary>
    static string Bad(BuildContext context, Arm? arm)
    {
        if (arm?.Bad is not { } bad)
            return "none";
        var bads = context.Experiment.Bad;
        var config = bads.Count == 1 ? bads[0] : bads.FirstOrDefault(b => arm.Corpus.EndsWith("-" + b.Label(), StringComparison.Ordinal));
        return $"{(config is null ? "" : $"{config.Kind} ({config.Label()}), ")}checkpoint step {bad.Step}, attention dropout {Number(bad.Dropout)}";
    }

    static void ModelIndex(StringBuilder text, string title, string corpus, IReadOnlyList<CardMetric> metrics)
    {
        text.AppendLine("model-index:").AppendLine($"- name: {Quote(title)}").AppendLine("  results:").AppendLine("  - task:")
            .AppendLine("      type: text-generation").AppendLine("      name: Language modeling and BabyLM zero-shot tasks")
            .AppendLine("    dataset:").AppendLine($"      name: {Quote(corpus)}").AppendLine("      type: babylm").AppendLine("    metrics:");
        foreach (var m in metrics)
            text.AppendLine($"    - type: {m.Type}").AppendLine($"      name: {Quote(m.Name)}").AppendLine($"      value: {Number(m.Value)}");
    }

    static string Corpus(BuildContext context) =>
        $"{context.Experiment.Corpus.Source}, {context.Experiment.Corpus.Words.ToString("N0", CultureInfo.InvariantCulture)} words " +
        $"(held-out perplexity and evaluation: {context.Experiment.Evaluate.Tasks ?? "the built-in probes"})";

    /// <summary>A JSON string literal is a YAML double-quoted scalar.</summary>
    static string Quote(string value) => JsonSerializer.Serialize(value);

    static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
