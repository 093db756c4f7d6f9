using ContrastivePipeline.Contracts;
using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Evaluation;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Report;

/// <summary>
/// Fake Score artifacts and training runs in a temporary folder: a BLiMP file of 20 items on four words whose good
/// sentence ends in " ok" and bad one in " no"; a fake model "knows" some words (prefers " ok" there) and gets the
/// others wrong, so knowing k words scores 25·k on BLiMP. Block losses alternate ±0.1 around log(perplexity).
/// </summary>
internal sealed class ReportFixture : IDisposable
{
    readonly TempFolder folder = new();
    readonly Dictionary<string, string> inputs = new(StringComparer.Ordinal);
    readonly SortedSet<ReportRun> runs = new(Comparer<ReportRun>.Create((a, b) => string.CompareOrdinal(ReportContract.Scores(a.Arm, a.Seed), ReportContract.Scores(b.Arm, b.Seed))));
    readonly List<string> corpora = [];

    readonly bool probes;

    /// <param name="probes">Also evaluate every checkpoint on a probes folder (suite "tinyworld") of 8 such items.</param>
    public ReportFixture(bool probes = false)
    {
        folder.File("eval/blimp_filtered/agreement.jsonl", Items(20));
        inputs[ReportContract.Tasks] = EvalFolder;
        this.probes = probes;
        if (!probes)
            return;
        folder.File("probes/blimp_filtered/tinyworld_agreement.jsonl", Items(8));
        inputs[ReportContract.Probes] = ProbesFolder;
    }

    public string EvalFolder => Path.Combine(folder.Path, "eval");

    public string ProbesFolder => Path.Combine(folder.Path, "probes");

    public string Output => Directory.CreateDirectory(Path.Combine(folder.Path, "report")).FullName;

    public IReadOnlyDictionary<string, string> Inputs => inputs;

    /// <summary>One Score artifact; per step, the words the model knows (1..4) and its perplexity.</summary>
    public void Evaluated(string arm, int seed, params (int Step, int[] Known, double Perplexity)[] checkpoints)
    {
        var artifact = Path.Combine(folder.Path, $"eval-{arm}-{seed}");
        foreach (var (step, known, perplexity) in checkpoints)
        {
            var stepFolder = RunLayout.ScoredFolder(artifact, step);
            var tokenizer = new ToyTokenizer();
            var scorer = new FuncScorer((s, i) => tokenizer.Token(s[i]) switch
            {
                " ok" => known.Contains(int.Parse(tokenizer.Token(s[1])[1..])) ? -0.1 : -2,
                " no" => -1,
                _ => -0.5,
            });
            var candidates = new CandidateScorer(tokenizer.Encode, ToyTokenizer.Bos, scorer);
            EvaluationRun.Run(EvalFolder, candidates, Path.Combine(stepFolder, ScoreContract.Tasks));
            if (probes)
                EvaluationRun.Run(ProbesFolder, candidates, Path.Combine(stepFolder, ScoreContract.Probes), "tinyworld");
            var losses = Enumerable.Range(0, 8).Select(b => Math.Log(perplexity) + (b % 2 == 0 ? 0.1 : -0.1)).ToArray();
            Json.Write(Path.Combine(stepFolder, PerplexityFile.FileName), new PerplexityFile(losses, [.. Enumerable.Range(0, 8)],
                [new("stories", SplitBlocks: 5, Blocks: 5), new("news", SplitBlocks: 3, Blocks: 3)], Tokens: 8 * 63));
        }
        Json.Write(Path.Combine(artifact, EvaluationIndex.FileName), new EvaluationIndex(checkpoints.Select(c => c.Step).ToList()));
        inputs[ReportContract.Scores(arm, seed)] = artifact;
        runs.Add(new(arm, seed));
        if (!inputs.ContainsKey(ReportContract.Run(arm, seed)))
            Trained(arm, seed, 5);
    }

    /// <summary>A training run folder whose metrics.jsonl has a loss falling from <paramref name="start"/>.</summary>
    public void Trained(string arm, int seed, double start)
    {
        var lines = Enumerable.Range(1, 20).Select(k =>
            $$"""{"step": {{10 * k}}, "loss": {{start / Math.Sqrt(k):R}}, "learning_rate": 0.001, "grad_norm": 1.5, "tokens_per_s": 1000}""");
        var path = folder.File($"run-{arm}-{seed}/{TrainContract.MetricsFile}", string.Join("\n", lines) + "\n");
        inputs[ReportContract.Run(arm, seed)] = Path.GetDirectoryName(path)!;
    }

    /// <summary>The settings EvaluateTask would give: these arms, every evaluated run and every diagnosed corpus.</summary>
    public ReportSettings Settings(params ReportArm[] arms) =>
        new("baseline", [new("baseline", "baseline", 0, 16), .. arms], [.. runs], [.. corpora.Order(StringComparer.Ordinal)], Replicates: 200, Seed: 42);

    /// <summary>One Diagnose artifact: the diagnostics of a corpus (a synthetic one by its name, or "real").</summary>
    public void Diagnosed(string corpus, CorpusDiagnostics diagnostics)
    {
        var artifact = Path.Combine(folder.Path, $"diag-{corpus}");
        Json.Write(Path.Combine(Directory.CreateDirectory(artifact).FullName, CorpusDiagnostics.FileName), diagnostics);
        inputs[ReportContract.Diagnosis(corpus)] = artifact;
        corpora.Add(corpus);
    }

    public void WithoutInput(string name) => inputs.Remove(name);

    public void Dispose() => folder.Dispose();

    static string Items(int count) => string.Concat(Enumerable.Range(0, count).Select(n =>
        $$"""{"sentence_good": "w{{n % 4 + 1}} x{{n}} ok", "sentence_bad": "w{{n % 4 + 1}} x{{n}} no", "UID": "agreement"}""" + "\n"));
}
