using ContrastivePipeline;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Export;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Report;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

// The step CLI: `ContrastivePipeline step <spec.json>` runs one step instance and commits its artifact.
IStep[] all = [new CorpusStep(), new TokenizeStep(), new TrainStep(), new GenerateStep(), new DiagnoseStep(), new MixStep(), new ScoreStep(), new ExportStep(), new ReportStep()];
var steps = all.ToDictionary(s => s.Name);

if (args is ["input-check-benchmark", .. var files])
    return InputCheckBenchmark.Command(files);
if (args is ["events-benchmark", .. var eventsArgs])
    return EventsBenchmark.Command(eventsArgs);
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
// What the attempt cost, as its last line, however it ends but killed (costs are logs: Program is not in any key).
AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.WriteLine(StepCost.OfThisProcess().Line);
return StepCommand.Run(args, steps);
