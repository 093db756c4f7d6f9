using System.Diagnostics;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.TensorBoard;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using TorchSharp;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Score: every listed checkpoint of one run, on perplexity and on the zero-shot suites given as inputs
/// (<c>tasks</c>: a BabyLM evaluation folder; <c>probes</c>: the built-in corpus's probes). Each checkpoint's results
/// go to <c>step_N/</c> (renamed into place when complete, so a killed run resumes at the next checkpoint; its
/// <c>hashes.json</c>, written last, lets a resume tell a damaged folder, which it evaluates again).
/// </summary>
internal sealed class ScoreStep : IStep
{
    public string Name => ScoreContract.Step;

    public bool Resumable => true;

    public void Run(StepContext context)
    {
        var settings = context.Settings<ScoreSettings>();
        var run = context.Input(ScoreContract.Run);
        var tokens = context.Input(ScoreContract.Tokens);
        var device = TrainDevice.Resolve(context.Device);
        TorchSharp.torch.set_num_threads(context.Threads);
        var encoder = BpeEncoder.Load(tokens);
        using var shard = TokenShard.Open(Path.Combine(tokens, TokenizeContract.PerplexityShard));
        var sample = PerplexitySample.Draw(Json.Read<List<PerplexityStratum>>(Path.Combine(tokens, TokenizeContract.PerplexityStrataFile)),
            settings.PerplexityBlocks, settings.PerplexitySeed ?? 0);
        var predicted = sample.Blocks.Sum(b => (long)Math.Max(0, shard.RealLength(b) - 1));
        context.Log($"perplexity on {sample.Blocks.Length:N0} of {shard.Count:N0} held-out blocks ({predicted:N0} tokens) from {sample.Strata.Count} file(s)");
        // What does not change between checkpoints is read and tokenized once: the items, and each candidate's tokens.
        var suites = Suites(context).Select(s => (s.Suite, EvaluationSuite.Load(s.Folder, s.Suite == ScoreContract.Probes ? "tinyworld" : null))).ToList();
        var tokenizer = new CandidateTokenizer(t => [.. encoder.Encode(t)], SpecialTokens.Bos);
        using var events = EventWriter.Open(context.Spec.TensorBoard, Name);
        foreach (var step in settings.Steps)
        {
            var final = RunLayout.ScoredFolder(context.OutputFolder, step);
            if (Directory.Exists(final) && PartHashes.Damage(final) is { } damage)
            {
                context.Log($"{final} is damaged ({damage}): discarded it; evaluating step {step} again");
                Directory.Delete(final, recursive: true);
            }
            if (Directory.Exists(final))
                continue;
            var checkpoint = Checkpoints.Folder(run, step);
            if (!Directory.Exists(checkpoint))
                throw new StepException($"{checkpoint} does not exist: the run has no checkpoint at step {step}");
            var partial = final + ".partial";
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
            Directory.CreateDirectory(partial);
            var clock = Stopwatch.StartNew();
            using var model = Checkpoints.LoadModel(checkpoint);
            model.to(device);
            var workers = device.type == DeviceType.CPU ? context.Threads : 1;
            var losses = Perplexity.BlockLosses(model, shard, sample.Blocks, device, workers);
            Json.Write(Path.Combine(partial, PerplexityFile.FileName), new PerplexityFile(losses, sample.Blocks, sample.Strata, predicted));
            var perplexity = clock.Elapsed;
            using var scoring = new ScoringLlama(model);
            var scorer = new TimedScorer(new SharedPrefixScorer(tokenizer, scoring, device, settings.BatchSize, workers));
            var line = $"step {step}: perplexity {Math.Exp(losses.Average()):F2}";
            foreach (var (suite, items) in suites)
            {
                var evaluation = EvaluationRun.Run(items, scorer, Path.Combine(partial, suite));
                line += string.Concat(evaluation.Scores.Select(s => $", {s.Task} {s.Accuracy:F1}"));
            }
            PartHashes.Write(partial);
            Directory.Move(partial, final);
            if (events is not null)
                Curves.Checkpoint(events, final, step);
            context.Log(line);
            context.Log($"step {step} took {clock.Elapsed.TotalSeconds:F1} s: loading and perplexity {perplexity.TotalSeconds:F1} s, " +
                $"scoring {scorer.Elapsed.TotalSeconds:F1} s, the rest (regressions, writing) {(clock.Elapsed - perplexity - scorer.Elapsed).TotalSeconds:F1} s");
        }
        Json.Write(context.Output(EvaluationIndex.FileName), new EvaluationIndex(settings.Steps));
    }

    static IEnumerable<(string Suite, string Folder)> Suites(StepContext context) =>
        ScoreContract.Suites.Where(context.Spec.Inputs.ContainsKey).Select(s => (s, context.Input(s)));
}
