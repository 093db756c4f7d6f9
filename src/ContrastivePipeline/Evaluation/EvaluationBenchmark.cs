using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Export;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Evaluation speed (BENCHMARKS.md, "Evaluation"): one checkpoint's Evaluate work on an evaluation folder, through the
/// simple path (every candidate's whole sequence, full log-softmax: the oracle) and the fast one
/// (<see cref="SharedPrefixScorer"/>), each phase timed, one JSON line per path, and how far their sums are apart.
/// <c>--export=DIR</c> also writes the model as a Hugging Face folder and every candidate's token ids with our sum, for
/// <c>benchmarks/evaluate_reference.py</c>.
/// </summary>
public static class EvaluationBenchmark
{
    /// <summary>experiments/small.yaml's model; the vocabulary comes from the tokenizer.</summary>
    static readonly ModelShape Small = new(Layers: 4, Hidden: 128, Heads: 4, Intermediate: 512, Context: 128, Vocab: 0);

    /// <summary>
    /// Entry for a CLI verb. <c>--tokens=</c> a Tokenize artifact folder (required); <c>--checkpoint=</c> a checkpoint
    /// folder (else random weights of the small.yaml shape); <c>--eval=data/eval --threads=2 --batch=64 --blocks=256
    /// --paths=simple,fast --export= --every=1 --workers=</c> (the fast path's workers; default: threads) (every=N keeps every N-th zero-shot item, for quicker runs).
    /// </summary>
    public static int Command(string[] args)
    {
        var o = new Dictionary<string, string>
        {
            ["tokens"] = "",
            ["checkpoint"] = "",
            ["eval"] = "data/eval",
            ["threads"] = "2",
            ["batch"] = "64",
            ["blocks"] = "256",
            ["paths"] = "simple,fast",
            ["export"] = "",
            ["every"] = "1",
            ["workers"] = "0",
        };
        foreach (var arg in args)
        {
            var parts = arg.TrimStart('-').Split('=', 2);
            if (parts.Length != 2 || !o.ContainsKey(parts[0]))
                throw new ArgumentException($"expected one of --{string.Join("= --", o.Keys)}=, got '{arg}'");
            o[parts[0]] = parts[1];
        }
        if (o["tokens"].Length == 0)
            throw new ArgumentException("--tokens=<a Tokenize artifact folder> is required");
        int Number(string key) => int.Parse(o[key], CultureInfo.InvariantCulture);
        var (threads, batch) = (Number("threads"), Number("batch"));
        var workers = Number("workers") is > 0 and var w ? w : threads; // as the Score step: one worker per thread
        set_num_threads(threads);
        manual_seed(0);
        var clock = Stopwatch.StartNew();
        var encoder = BpeEncoder.Load(o["tokens"]);
        using var model = o["checkpoint"].Length > 0 ? Checkpoints.LoadModel(o["checkpoint"]) : new Llama(Small with { Vocab = encoder.VocabSize });
        model.eval();
        var loadModel = Lap(clock);
        var every = Number("every");
        var all = EvaluationSuite.Load(o["eval"]);
        var suite = all with { Items = [.. all.Items.Where((_, i) => i % every == 0)] }; // all reading rows: the regressions need them
        var loadItems = Lap(clock);
        using var shard = TokenShard.Open(Path.Combine(o["tokens"], TokenizeContract.PerplexityShard));
        Perplexity.BlockLosses(model, shard, [.. Enumerable.Range(0, Math.Min(shard.Count, Number("blocks")))], CPU, workers);
        var perplexity = Lap(clock);
        var items = suite.Items.Count + suite.ReadingRows.Count;
        var output = Directory.CreateTempSubdirectory("evaluate-benchmark-").FullName;
        var runs = new Dictionary<string, TimedScorer>();
        try
        {
            foreach (var path in o["paths"].Split(','))
            {
                var tokenizer = new CandidateTokenizer(t => [.. encoder.Encode(t)], SpecialTokens.Bos);
                var (scorer, profile, fastProfile) = Scorer(path, tokenizer, model, batch, workers);
                var timed = new TimedScorer(scorer);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                var evaluation = EvaluationRun.Run(suite, timed, Path.Combine(output, path));
                var run = Lap(clock);
                var runCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                ModelEvaluation.From(evaluation.Items, evaluation.ReadingRows, evaluation.Reading);
                var regression = Lap(clock);
                var candidates = timed.Calls.Sum(c => c.Candidates.Count);
                // Tokenizing happens inside the first Score call; time it alone with a fresh tokenizer.
                var fresh = new CandidateTokenizer(t => [.. encoder.Encode(t)], SpecialTokens.Bos);
                foreach (var candidate in timed.Calls.SelectMany(c => c.Candidates))
                    fresh.Tokenize(candidate);
                var tokenize = Lap(clock);
                runs[path] = timed;
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    implementation = "torchsharp",
                    path,
                    threads,
                    workers = path == "fast" ? workers : 1,
                    batch,
                    items,
                    candidates,
                    load_model_ms = loadModel,
                    load_items_ms = loadItems,
                    perplexity_ms = perplexity,
                    tokenize_ms = tokenize,
                    score_ms = timed.Elapsed.TotalMilliseconds - tokenize,
                    score_forward_ms = profile?.Time.Forward.TotalMilliseconds,
                    score_log_softmax_ms = profile?.Time.LogSoftmax.TotalMilliseconds,
                    score_copy_ms = profile?.Time.Copy.TotalMilliseconds,
                    score_trunk_ms = fastProfile?.Time.Trunk.TotalMilliseconds,
                    score_head_ms = fastProfile?.Time.Head.TotalMilliseconds,
                    trunk_positions = profile?.Positions ?? fastProfile!.Positions.Trunk,
                    last_layer_positions = profile?.Positions ?? fastProfile!.Positions.Last,
                    head_positions = profile?.Positions ?? fastProfile!.Positions.Head,
                    regression_ms = regression,
                    write_ms = run - timed.Elapsed.TotalMilliseconds - regression,
                    run_cpu_ms = runCpu,
                    items_per_s = items / ((timed.Elapsed.TotalMilliseconds - tokenize) / 1000),
                    checkpoint_ms = loadModel + perplexity + run + (path == "simple" ? loadItems : -tokenize),
                }));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
        if (runs.Count == 2)
            Compare(runs.Values.First(), runs.Values.Last());
        if (o["export"].Length > 0)
            Write(o["export"], model, o["tokens"], runs.Values.Last(), items, encoder);
        return 0;
    }

    static (ICandidateScorer Scorer, ModelScorer? Profile, SharedPrefixScorer? FastProfile) Scorer(
        string path, CandidateTokenizer tokenizer, Llama model, int batch, int workers)
    {
        if (path == "simple")
        {
            var profile = new ModelScorer(model, CPU);
            return (new CandidateScorer(tokenizer, profile, batch), profile, null);
        }
        if (path == "fast")
        {
            var fast = new SharedPrefixScorer(tokenizer, new ScoringLlama(model), CPU, batch, workers);
            return (fast, null, fast);
        }
        throw new ArgumentException($"--paths: expected simple or fast, got '{path}'");
    }

    static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }

    static void Compare(TimedScorer a, TimedScorer b)
    {
        var pairs = a.Calls.Zip(b.Calls).SelectMany(p => p.First.Sums.Zip(p.Second.Sums)).ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            compared = pairs.Count,
            max_abs_diff = pairs.Max(p => Math.Abs(p.First - p.Second)),
        }));
    }

    /// <summary>The Hugging Face folder, and candidates.jsonl: token ids, the first scored index and our sum, one candidate a line.</summary>
    static void Write(string folder, Llama model, string tokens, TimedScorer run, int items, BpeEncoder encoder)
    {
        HuggingFaceExport.Write(model, tokens, folder);
        var tokenizer = new CandidateTokenizer(t => [.. encoder.Encode(t)], SpecialTokens.Bos);
        var lines = new StringBuilder();
        foreach (var (candidates, sums) in run.Calls)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var t = tokenizer.Tokenize(candidates[i]);
                lines.Append(JsonSerializer.Serialize(new { ids = t.Sequence, first = t.FirstScored, ours = sums[i] })).Append('\n');
            }
        }
        File.WriteAllText(Path.Combine(folder, "candidates.jsonl"), lines.ToString());
        File.WriteAllText(Path.Combine(folder, "items.json"), JsonSerializer.Serialize(new { items }) + "\n");
    }
}
