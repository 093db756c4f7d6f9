using System.Reflection;
using System.Text.RegularExpressions;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Planning;

/// <summary>
/// Every key of the experiment schema, changed one at a time in experiments/default.yaml: exactly the instances that
/// read it replan, with what follows them (an instance replans when its own key parts or data inputs change, or an
/// artifact it reads replans). Planned in-process, nothing runs.
/// </summary>
public sealed class ExactKeyTests : IDisposable
{
    static readonly string Default = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "default.yaml"));

    // default.yaml: one early BAD, ancestral and contrastive corpora, final seed 42, GOOD's run seed 43.
    static readonly string[] AfterTokenize = ["*", "!Corpus/*", "!Tokenize/*"];
    static readonly string[] None = [];
    static string[] Chain(string corpus) =>
        [$"Generate*/{corpus}", $"Mix/{corpus}", $"TrainFinal/{corpus}-seed*", $"Score/{corpus}-seed*", $"Diagnose/{corpus}", "Evaluate/report"];
    static readonly string[] BothCorpora = [.. Chain("ancestral"), .. Chain("contrastive")];
    static readonly string[] GoodReaders = [.. BothCorpora, "Score/good-seed*", "Diagnose/real"];
    // The real text and the ancestral corpus are diagnosed against the first BAD too.
    static readonly string[] BadReaders = [.. Chain("contrastive"), "Diagnose/real", "Diagnose/ancestral"];
    static readonly string[] MixedFinals = ["TrainFinal/ancestral-seed42", "TrainFinal/contrastive-seed42", "Score/ancestral-seed42", "Score/contrastive-seed42", "Evaluate/report"];
    static readonly string[] Evaluations = ["Score/*", "Evaluate/report"];

    /// <summary>Schema key; text of default.yaml replaced; the instances that replan ("*" all, "!" excludes, "?" and "*" wildcards).</summary>
    public static TheoryData<string, string, string, string[]> Keys => new()
    {
        { "name", "corpus:\n", "name: other\ncorpus:\n", None },
        { "seed", "corpus:\n", "seed: 7\ncorpus:\n", ["*"] },
        { "corpus.source", "source: builtin:tinyworld\n  words: 1000000", "source: data/corpora/tiny\n  words: 10000", ["*"] },
        { "corpus.words", "words: 1000000", "words: 900000", ["*"] },
        { "corpus.max_words", "corpus:\n", "corpus:\n  max_words: 5000\n", None },
        { "corpus.perplexity", "corpus:\n", "corpus:\n  perplexity: data/corpora/tiny\n", ["*"] },
        { "corpus.heldout_fraction", "corpus:\n", "corpus:\n  heldout_fraction: 0.03\n", ["*"] },
        { "corpus.seed_fraction", "corpus:\n", "corpus:\n  seed_fraction: 0.06\n", ["*"] },
        { "corpus.seed_min_words", "corpus:\n", "corpus:\n  seed_min_words: 90\n", ["*"] },
        { "corpus.seed_max_words", "corpus:\n", "corpus:\n  seed_max_words: 210\n", ["*"] },
        { "tokenizer.kind", "tokenizer:\n", "tokenizer:\n  kind: sentencepiece-bpe\n", ["*", "!Corpus/*"] },
        { "tokenizer.vocab_size", "vocab_size: 4096", "vocab_size: 4000", ["*", "!Corpus/*"] },
        { "model.layers", "layers: 4", "layers: 3", AfterTokenize },
        { "model.hidden", "hidden: 128", "hidden: 96", AfterTokenize },
        { "model.heads", "heads: 4", "heads: 2", AfterTokenize },
        { "model.intermediate", "intermediate: 512", "intermediate: 384", AfterTokenize },
        { "model.context", "context: 128", "context: 256", ["*"] },
        { "train.steps", "steps: 400", "steps: 500", AfterTokenize },
        { "train.batch_size", "batch_size: 16", "batch_size: 32", AfterTokenize },
        { "train.micro_batch", "train:\n", "train:\n  micro_batch: 8\n", AfterTokenize },
        // What a finished run keeps on disk is retention, not a result: no key reads it.
        { "train.keep_optimizer", "train:\n", "train:\n  keep_optimizer: true\n", None },
        { "train.keep_checkpoints", "train:\n", "train:\n  keep_checkpoints: read\n", None },
        { "train.learning_rate", "train:\n", "train:\n  learning_rate: 0.002\n", AfterTokenize },
        { "train.warmup_steps", "warmup_steps: 40", "warmup_steps: 50", AfterTokenize },
        { "train.weight_decay", "train:\n", "train:\n  weight_decay: 0.05\n", AfterTokenize },
        { "train.grad_clip", "train:\n", "train:\n  grad_clip: 0.5\n", AfterTokenize },
        { "train.checkpoint_every", "checkpoint_every: 100", "checkpoint_every: 50", AfterTokenize },
        { "good.step", "good:\n  step: 300", "good:\n  step: 200", GoodReaders },
        { "good.seed", "good:\n", "good:\n  seed: 44\n", ["TrainGood/base", .. GoodReaders] },
        { "bad.name", "bad:\n", "bad:\n  name: first\n", None },
        { "bad.kind", "kind: early", "kind: small", ["TrainBad/bad-small", .. BadReaders] },
        { "bad.step", "bad:\n  kind: early\n  step: 100", "bad:\n  kind: early\n  step: 200", BadReaders },
        { "bad.seed", "bad:\n", "bad:\n  seed: 7\n", None },
        { "bad.dropout", "bad:\n", "bad:\n  dropout: 0.3\n", None },
        { "bad.model", "bad:\n", "bad:\n  model: {layers: 1, hidden: 32, heads: 2, intermediate: 64}\n", None },
        { "generate.prefix_tokens", "generate:\n", "generate:\n  prefix_tokens: 16\n", BothCorpora },
        { "generate.continuations", "continuations: 2", "continuations: 3", BothCorpora },
        { "generate.new_tokens", "new_tokens: 108", "new_tokens: 64", BothCorpora },
        { "generate.max_prompts", "max_prompts: 96", "max_prompts: 64", BothCorpora },
        { "generate.temperature", "generate:\n", "generate:\n  temperature: 0.9\n", BothCorpora },
        { "generate.alpha", "generate:\n", "generate:\n  alpha: 0.2\n", Chain("contrastive") },
        { "generate.lambda", "generate:\n", "generate:\n  lambda: 0.5\n", Chain("contrastive") },
        { "generate.penalty", "generate:\n", "generate:\n  penalty: -10\n", Chain("contrastive") },
        { "generate.top_k", "generate:\n", "generate:\n  top_k: 50\n", BothCorpora },
        { "generate.top_p", "generate:\n", "generate:\n  top_p: 0.9\n", BothCorpora },
        { "generate.keep_prefix", "generate:\n", "generate:\n  keep_prefix: false\n", BothCorpora },
        { "generate.shards", "generate:\n", "generate:\n  shards: 2\n", BothCorpora },
        { "generate.batch_size", "generate:\n", "generate:\n  batch_size: 32\n", BothCorpora },
        { "mix.ratios", "ratios: [0.3]", "ratios: [0.5]", MixedFinals },
        { "mix.per_device_batch", "mix:\n", "mix:\n  per_device_batch: 8\n", MixedFinals },
        { "mix.strategies", "strategies: [ancestral, contrastive]", "strategies: [ancestral, contrastive, head-only]", [.. Chain("head-only")] },
        { "final.seeds", "seeds: [42]", "seeds: [42, 43]", ["TrainFinal/*-seed43", "Score/baseline-seed43", "Score/ancestral-seed43", "Score/contrastive-seed43", "Evaluate/report"] },
        { "evaluate.tasks", "final:\n", "evaluate:\n  tasks: data/eval\nfinal:\n", Evaluations },
        { "evaluate.probes", "final:\n", "evaluate:\n  probes: false\nfinal:\n", Evaluations },
        { "evaluate.perplexity_blocks", "final:\n", "evaluate:\n  perplexity_blocks: 128\nfinal:\n", Evaluations },
        { "evaluate.checkpoint_every", "final:\n", "evaluate:\n  checkpoint_every: 200\nfinal:\n", ["Score/baseline-seed42", "Score/ancestral-seed42", "Score/contrastive-seed42", "Evaluate/report"] },
        { "evaluate.batch_size", "final:\n", "evaluate:\n  batch_size: 32\nfinal:\n", Evaluations },
        { "evaluate.replicates", "final:\n", "evaluate:\n  replicates: 500\nfinal:\n", ["Evaluate/report"] },
        // Cluster resources say where an instance runs, never what it computes.
        { "resources", "final:\n", "resources:\n  default: {cpus: 4, memory: 16G}\n  TrainFinal: {gpus: 1, time: \"12:00:00\"}\nfinal:\n", None },
    };

    /// <summary>The BAD keys a kind reads or not, with default.yaml's BAD of that kind (the main table has the early one).</summary>
    public static TheoryData<string, string, string, string, string[]> BadKeys => new()
    {
        { "small", "bad.step", "  step: 100", "  step: 200", BadReaders },
        { "small", "bad.seed", "bad:\n", "bad:\n  seed: 7\n", ["TrainBad/bad-small", .. BadReaders] },
        { "small", "bad.model", "bad:\n", "bad:\n  model: {layers: 1, hidden: 32, heads: 2, intermediate: 64}\n", ["TrainBad/bad-small", .. BadReaders] },
        { "small", "bad.dropout", "bad:\n", "bad:\n  dropout: 0.3\n", None },
        { "dropout", "bad.dropout", "bad:\n", "bad:\n  dropout: 0.3\n", BadReaders },
        { "dropout", "bad.step", "  step: 100", "  step: 200", None },
        { "dropout", "bad.seed", "bad:\n", "bad:\n  seed: 7\n", None },
        { "dropout", "bad.model", "bad:\n", "bad:\n  model: {layers: 1, hidden: 32, heads: 2, intermediate: 64}\n", None },
    };

    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Keys))]
    public void ChangingOneKey_ReplansExactlyWhatReadsIt_AndWhatFollows(string key, string from, string to, string[] expected) =>
        AssertReplans(key, from, to, expected, Default);

    void AssertReplans(string key, string from, string to, string[] expected, string yaml)
    {
        Assert.Contains(from, yaml);
        var before = Plan(yaml);
        var after = Plan(yaml.Replace(from, to));
        var replanned = Replanned(before, after);
        var ids = after.Select(i => i.Id).ToList();
        var want = expected.Length > 0 && expected[0] == "*"
            ? ids.Where(id => !expected.Skip(1).Any(e => Matches(e[1..], id))).ToList()
            : ids.Where(id => expected.Any(e => Matches(e, id))).ToList();
        Assert.True(want.SequenceEqual(replanned), $"{key}: expected [{string.Join(", ", want)}], replanned [{string.Join(", ", replanned)}]");
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void ChangingABadKey_ReplansOnlyWhereItsKindReadsIt(string kind, string key, string from, string to, string[] expected)
    {
        Assert.Contains("kind: early", Default);
        AssertReplans($"{key} ({kind})", from, to, expected, Default.Replace("kind: early", $"kind: {kind}"));
    }

    /// <summary>
    /// A second ratio renames the arms of the first (ancestral becomes ancestral-r0.3): a label, in no key, so only the
    /// new arms and the report (whose inputs are named by arm) are planned anew.
    /// </summary>
    [Fact]
    public void AddingARatio_RenamesTheArms_AndReplansOnlyTheNewArmsAndTheReport()
    {
        static string Renamed(string id) => Regex.Replace(id, "(ancestral|contrastive)-seed", "$1-r0.3-seed");
        var before = Plan(Default).ToDictionary(i => Renamed(i.Id), i => Own(i, Renamed));
        var after = Plan(Default.Replace("ratios: [0.3]", "ratios: [0.3, 0.6]"));

        var replanned = after.Where(i => before.GetValueOrDefault(i.Id) != Own(i, id => id)).Select(i => i.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["Evaluate/report", "Score/ancestral-r0.6-seed42", "Score/contrastive-r0.6-seed42",
            "TrainFinal/ancestral-r0.6-seed42", "TrainFinal/contrastive-r0.6-seed42"], replanned);
        Assert.Contains(after, i => i.Id == "Score/ancestral-r0.3-seed42");
    }

    /// <summary>An edit to one decoding class replans the corpora of its strategy only (the code side: CodeHashScratchTests).</summary>
    [Fact]
    public void EachCorpus_IsKeyedOnItsOwnDecodingsCode_NotTheOthers()
    {
        var plan = Plan(Default);
        var ancestral = plan.Single(i => i.Id == "GenerateAncestral/ancestral").Code.Members.Keys;
        var contrastive = plan.Single(i => i.Id == "GenerateContrastive/contrastive").Code.Members.Keys;

        Assert.Contains(ancestral, k => k.StartsWith("ContrastivePipeline.Generation.AncestralDecoding::Scores(", StringComparison.Ordinal));
        Assert.Contains("ContrastivePipeline.Generation.ContrastiveDecoding (type, not chosen)", ancestral);
        Assert.Contains(contrastive, k => k.StartsWith("ContrastivePipeline.Generation.ContrastiveDecoding::Scores(", StringComparison.Ordinal));
        Assert.Contains("ContrastivePipeline.Generation.AncestralDecoding (type, not chosen)", contrastive);
    }

    [Fact]
    public void TheTable_CoversEveryKeyOfTheSchema()
    {
        var covered = Keys.Select(row => (string)row[0]).ToHashSet();
        Assert.All(SchemaKeys(typeof(Experiment), ""), key => Assert.Contains(key, covered));
    }

    /// <summary>The instances whose own key parts or data inputs differ, or that are new, and every instance reading one of them.</summary>
    static List<string> Replanned(List<StepInstance> before, List<StepInstance> after)
    {
        var old = before.ToDictionary(i => i.Id, Own);
        var replanned = new HashSet<string>();
        foreach (var instance in after)
        {
            if (!old.TryGetValue(instance.Id, out var own) || own != Own(instance) ||
                instance.Inputs.Values.OfType<ArtifactInput>().Any(i => replanned.Contains(i.Source.Id)))
                replanned.Add(instance.Id);
        }
        return [.. after.Select(i => i.Id).Where(replanned.Contains)];
    }

    static string Own(StepInstance instance) => Own(instance, id => id);

    /// <summary>The instance's own key parts and its inputs, the instances it reads named by <paramref name="name"/>.</summary>
    static string Own(StepInstance instance, Func<string, string> name) => string.Join("\n", instance.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal)
        .Select(i => $"{i.Key}={(i.Value is ArtifactInput a ? $"{name(a.Source.Id)}/{a.Under}" : i.Value.Content)}").Prepend(instance.KnownParts.Key));

    List<StepInstance> Plan(string yaml) =>
        [.. InProcessPlan.Plan(new Pipeline(temp.Path).Experiment("default", yaml), temp.Path).Select(p => p.Instance)];

    static bool Matches(string pattern, string id) => Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$");

    /// <summary>The YAML keys of the schema: the sections of an experiment, and the values in each (bad.model as one).</summary>
    static IEnumerable<string> SchemaKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var key = prefix + Regex.Replace(property.Name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
            var section = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (prefix.Length == 0 && section.Namespace == typeof(Experiment).Namespace && section.IsClass)
            {
                foreach (var inner in SchemaKeys(section, key + "."))
                    yield return inner;
            }
            else
                yield return key;
        }
    }
}
