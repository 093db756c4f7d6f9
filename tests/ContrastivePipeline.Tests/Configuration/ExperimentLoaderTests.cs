using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Configuration;

public sealed class ExperimentLoaderTests
{
    // Each malformed file, and the parts its message must contain (besides the file name).
    public static TheoryData<string, string, string[]> Malformed => new()
    {
        { "syntax", "corpus:\n  words: 5000\n  - item\n", ["bad.yaml:3", "not valid YAML"] },
        { "root list", "- corpus\n- tokenizer\n", ["bad.yaml:1", "must be a mapping"] },
        { "unknown top key", "corpuss:\n  words: 5000\n", ["bad.yaml:1", "corpuss", "unknown key", "allowed at the top level", "corpus"] },
        { "unknown nested key", "tokenizer:\n  vocab_sise: 512\n", ["bad.yaml:2", "tokenizer.vocab_sise", "allowed in 'tokenizer': kind, vocab_size"] },
        { "wrong type", "corpus:\n  words: many\n", ["bad.yaml:2", "corpus.words", "expects a whole number, got 'many'"] },
        { "out of range", "tokenizer:\n  vocab_size: 10\n", ["bad.yaml:2", "tokenizer.vocab_size", "must be between 300"] },
        { "fraction too big", "corpus:\n  heldout_fraction: 0.9\n", ["bad.yaml:2", "corpus.heldout_fraction", "(0, 0.5)"] },
        { "max below min", "corpus:\n  seed_min_words: 100\n  seed_max_words: 50\n", ["bad.yaml:3", "corpus.seed_max_words", "at least seed_min_words"] },
        { "missing folder", "corpus:\n  source: data/no-such-corpus\n", ["bad.yaml:2", "corpus.source", "not found"] },
        { "unknown builtin", "corpus:\n  source: builtin:nothing\n", ["bad.yaml:2", "unknown built-in corpus", "builtin:tinyworld"] },
        { "unknown strategy", "mix:\n  strategies: [ancestral, beam]\n", ["bad.yaml:2", "mix.strategies", "expects one of: ancestral, contrastive, head-only, got 'beam'"] },
        { "strategy twice", "mix:\n  strategies: [head-only, head-only]\n", ["bad.yaml:2", "mix.strategies", "lists a strategy twice: [head-only, head-only]"] },
        { "scalar for section", "corpus: 5\n", ["bad.yaml:1", "corpus", "expects a section"] },
        { "list for scalar", "seed: [1, 2]\n", ["bad.yaml:1", "seed", "expects a whole number, got a list"] },
        { "ratio twice", "mix:\n  ratios: [0.3, 0.5, 0.3]\n", ["bad.yaml:2", "mix.ratios", "lists a ratio twice: [0.3, 0.5, 0.3]"] },
        { "empty text", "corpus:\n  source:\n", ["bad.yaml:2", "corpus.source", "is empty: give it a value"] },
        { "deep nesting", "name: " + new string('[', 40_000), ["bad.yaml:1:", "nested more than 16 levels deep"] },
        { "key of only a colon", "train:\n  steps: 40\n : 300\n", ["bad.yaml:", "not valid YAML"] },
        { "unclosed flow mapping before a scalar", "corpus:\n  source: {builtin:tinyworld\n  words: 1000\ntrain:\n  steps: 4\n", ["bad.yaml:", "not valid YAML"] },
        { "bad in a list", "bad:\n  - kind: early\n    step: 500\n  - kind: early\n    step: 7\n", ["bad.yaml:5", "bad[1].step", "must be a saved checkpoint"] },
        { "two bads one name", "bad:\n  - kind: dropout\n  - kind: dropout\n", ["bad.yaml:1", "two BAD models named 'dropout-0.5'", "name:"] },
        { "bad name", "bad:\n  name: CD Early\n", ["bad.yaml:2", "bad.name", "lower-case"] },
        { "batch not whole device batches", "train:\n  batch_size: 24\nmix:\n  per_device_batch: 16\n", ["bad.yaml:4", "mix.per_device_batch", "divide train.batch_size (24)"] },
        { "ratio floors to nothing", "mix:\n  ratios: [0.05]\n", ["bad.yaml:2", "mix.ratios", "int(16 x 0.05) = 0"] },
        { "missing perplexity folder", "corpus:\n  perplexity: data/nowhere\n", ["bad.yaml:2", "corpus.perplexity", "not found"] },
        { "empty file", "", ["bad.yaml: the file is empty", "default.yaml"] },
        { "only whitespace", "   \n\n  \n", ["bad.yaml: the file is empty"] },
        { "only a tab", "\t\n", ["bad.yaml: the file is empty"] },
        { "only comments", "# nothing yet\n", ["bad.yaml: the file is empty"] },
        { "tab-indented key", "\ttrain:\n", ["bad.yaml:1:8", "train", "is empty"] },
        { "empty section", "train:\ncorpus:\n  words: 5000\n", ["bad.yaml:1:7", "train", "is empty: give it its keys"] },
        { "empty list", "mix:\n  ratios:\n", ["bad.yaml:2", "mix.ratios", "is empty: give it a list"] },
        { "unclosed flow sequence", "mix:\n  ratios: [0.1, 0.2\n", ["bad.yaml:3:1", "not valid YAML", "flow sequence"] },
        { "unclosed flow mapping", "mix: {ratios: [0.1]\n", ["bad.yaml:2:1", "not valid YAML", "flow mapping"] },
        { "a single value", "hello\n", ["bad.yaml:1:1", "must be a mapping"] },
        { "no checkpoints", "train:\n  checkpoint_every: 00\nevaluate:\n  checkpoint_every: 400\n", ["bad.yaml:2", "train.checkpoint_every", "must be at least 1, got 0"] },
        { "scored checkpoints not saved", "evaluate:\n  checkpoint_every: 150\n", ["evaluate.checkpoint_every", "must be a multiple of train.checkpoint_every (500), got 150"] },
        { "generation past the context", "model:\n  context: 64\ngenerate:\n  new_tokens: 500\n",
            ["bad.yaml:4", "generate.new_tokens", "generate.prefix_tokens (20) + generate.new_tokens (500) = 520 exceeds model.context (64)", "at most 44"] },
        { "prompt past the context", "model:\n  context: 64\ngenerate:\n  prefix_tokens: 60\n  new_tokens: 8\n",
            ["generate.new_tokens", "= 68 exceeds model.context (64)", "model.context to at least 68"] },
        { "generation past a small BAD's context", "bad:\n  kind: small\n  step: 500\n  model: {layers: 1, hidden: 32, heads: 2, intermediate: 64, context: 64}\n",
            ["generate.new_tokens", "= 148 exceeds bad.model.context (64)"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Load_MalformedFile_ThrowsMessageNamingFileLineAndKey(string _, string yaml, string[] expected)
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.yaml", yaml);
        var error = Assert.Throws<ConfigException>(() => ExperimentLoader.Load(file, Repo.Root));
        foreach (var part in expected)
            Assert.Contains(part, error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhereTheShippedExperimentsAre()
    {
        var error = Assert.Throws<ConfigException>(() => ExperimentLoader.Load("/no/such/file.yaml", Repo.Root));
        Assert.Contains("/no/such/file.yaml: experiment file not found", error.Message);
        Assert.Contains("experiments", error.Message);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.yaml", "corpus:\n  words: many\ntokenizer:\n  vocab_size: 1\nextra: 1\n");
        var lines = Assert.Throws<ConfigException>(() => ExperimentLoader.Load(file, Repo.Root)).Message.Split('\n');
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Load_EmptySections_FillsDefaultsAndNameFromFile()
    {
        using var temp = new TempFolder();
        var experiment = ExperimentLoader.Load(temp.File("my-run.yaml", "tokenizer:\n  vocab_size: 1024\n"), Repo.Root);
        Assert.Equal("my-run", experiment.Name);
        Assert.Equal(1024, experiment.Tokenizer.VocabSize);
        Assert.Equal(new CorpusConfig().SeedFraction, experiment.Corpus.SeedFraction);
    }
}
