using ContrastivePipeline;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Export;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Report;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

// The step CLI: `ContrastivePipeline step <spec.json>` runs one step instance and commits its artifact.
IStep[] all = [new CorpusStep(), new TokenizeStep(), new TrainStep(), new GenerateStep(), new MixStep(), new EvaluateStep(), new ExportStep(), new ReportStep()];
var steps = all.ToDictionary(s => s.Name);

if (args is ["input-check-benchmark", .. var files])
    return InputCheckBenchmark.Command(files);
if (args is ["tokenizer-benchmark", .. var benchmarkArgs])
    return TokenizerBenchmark.Command(benchmarkArgs);
// The benchmarks' tensors stay rooted until they end, as a step's do (StepRunner).
if (args is ["train-benchmark", .. var trainArgs])
{
    using var tensors = TorchSharp.torch.NewDisposeScope();
    return TrainBenchmark.Command(trainArgs);
}
if (args is ["generate-benchmark", .. var generateArgs])
{
    using var tensors = TorchSharp.torch.NewDisposeScope();
    return GenerationBenchmark.Command(generateArgs);
}
if (args is ["evaluate-benchmark", .. var evaluateArgs])
{
    using var tensors = TorchSharp.torch.NewDisposeScope();
    return EvaluationBenchmark.Command(evaluateArgs);
}
if (args is not ["step", var specPath, ..] || args.Length > 3 || (args.Length == 3 && args[2] != StepSpec.WatchHost))
{
    Console.Error.WriteLine($"usage: ContrastivePipeline step <spec.json> [{StepSpec.WatchHost}]");
    Console.Error.WriteLine($"steps: {string.Join(", ", steps.Keys)}");
    return 2;
}
StepSpec spec;
try
{
    spec = Json.Read<StepSpec>(specPath);
}
catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
{
    Console.Error.WriteLine($"error: cannot read the step spec {specPath}: {e.Message}. The build host writes it; run the host again.");
    return 2;
}
if (args.Length == 3)
    HostWatch.Start($"{spec.Step}/{spec.Instance}");
try
{
    return StepRunner.Run(steps, spec);
}
catch (Exception e) when (StepFailure.Explain(e, spec) is { } message)
{
    Console.Error.WriteLine($"error: {spec.Step}/{spec.Instance}: {message}");
    return 1;
}
