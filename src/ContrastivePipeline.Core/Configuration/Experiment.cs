namespace ContrastivePipeline.Configuration;

/// <summary>One experiment file, bound with defaults. Sections follow the paper's pipeline order.</summary>
public sealed record Experiment
{
    /// <summary>The experiment's name; defaults to the file name without extension.</summary>
    public string Name { get; init; } = "";

    /// <summary>Master seed: splits, data order and sampling streams derive from it.</summary>
    public int Seed { get; init; } = 42;

    public CorpusConfig Corpus { get; init; } = new();
    public TokenizerConfig Tokenizer { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public TrainConfig Train { get; init; } = new();
    public GoodConfig Good { get; init; } = new();
    /// <summary>The BAD models: one section, or a list of them for a sweep (one contrastive corpus each).</summary>
    public List<BadConfig> Bad { get; init; } = [new()];
    public GenerateConfig Generate { get; init; } = new();
    public MixConfig Mix { get; init; } = new();
    public FinalConfig Final { get; init; } = new();
    public EvaluateConfig Evaluate { get; init; } = new();

    /// <summary>
    /// Cluster resources per task name (e.g. TrainFinal), and <c>default</c> for every task; read by the Slurm executor
    /// only, never part of a key.
    /// </summary>
    public Dictionary<string, TaskResources> Resources { get; init; } = [];

    internal IEnumerable<ConfigError> Validate() =>
        Corpus.Validate().Select(e => e.Under("corpus"))
            .Concat(Tokenizer.Validate().Select(e => e.Under("tokenizer")))
            .Concat(Model.Validate().Select(e => e.Under("model")))
            .Concat(Train.Validate().Select(e => e.Under("train")))
            .Concat(Bads())
            .Concat(Generate.Validate().Select(e => e.Under("generate")))
            .Concat(Mix.Validate(Train.BatchSize).Select(e => e.Under("mix")))
            .Concat(Final.Validate().Select(e => e.Under("final")))
            .Concat(Evaluate.Validate().Select(e => e.Under("evaluate")))
            .Concat(Resources.SelectMany(r => r.Value.Validate().Select(e => e.Under($"resources.{r.Key}"))))
            // Which steps are saved is only asked of a valid train.checkpoint_every (train says what is wrong with it).
            .Concat(Train.CheckpointEvery < 1 ? [] : Checkpoints().Concat(ScoredCheckpoints()))
            .Concat(Contexts());

    IEnumerable<ConfigError> ScoredCheckpoints()
    {
        if (Evaluate.CheckpointEvery is { } every && (every < 1 || every % Train.CheckpointEvery != 0))
            yield return new("evaluate.checkpoint_every", $"must be a multiple of train.checkpoint_every ({Train.CheckpointEvery}), got {every}");
    }

    // A model trained on blocks of model.context tokens has never seen a later position: a prompt plus its
    // continuation must fit in the context of every model that reads it (GOOD, and a BAD with its own sizes).
    IEnumerable<ConfigError> Contexts()
    {
        var length = Generate.PrefixTokens + Generate.NewTokens;
        var models = Bad.Select((b, i) => (Key: YamlBinder.ItemKey("bad", i, Bad.Count) + ".model.context", b.Model.Context, b.Rules().OwnRun))
            .Where(b => b.OwnRun).Select(b => (b.Key, b.Context)).Prepend(("model.context", Model.Context));
        foreach (var (key, context) in models.Where(m => m.Context < length))
        {
            yield return new("generate.new_tokens", $"generate.prefix_tokens ({Generate.PrefixTokens}) + generate.new_tokens " +
                $"({Generate.NewTokens}) = {length} exceeds {key} ({context}), a position the model never saw in training: " +
                $"set generate.new_tokens to at most {Math.Max(1, context - Generate.PrefixTokens)} or {key} to at least {length}");
        }
    }

    // GOOD and an early BAD name checkpoints of the base run, which exist only at multiples of checkpoint_every.
    IEnumerable<ConfigError> Checkpoints()
    {
        bool Saved(int step) => step == Train.Steps || (step < Train.Steps && step % Train.CheckpointEvery == 0);
        var saved = $"a saved checkpoint: a multiple of train.checkpoint_every ({Train.CheckpointEvery}) up to train.steps ({Train.Steps})";
        if (!Saved(Good.Step))
            yield return new("good.step", $"must be {saved}, got {Good.Step}");
        for (var i = 0; i < Bad.Count; i++)
        {
            var (bad, key) = (Bad[i], YamlBinder.ItemKey("bad", i, Bad.Count) + ".step");
            if (bad.Rules().StepProblem(bad, Saved, saved, Good.Step) is { } problem)
                yield return new(key, problem);
        }
    }

    IEnumerable<ConfigError> Bads()
    {
        if (Bad.Count == 0)
            yield return new("bad", "must name at least one BAD model, e.g. {kind: early, step: 500}");
        for (var i = 0; i < Bad.Count; i++)
        {
            foreach (var e in Bad[i].Validate())
                yield return e.Under(YamlBinder.ItemKey("bad", i, Bad.Count));
        }
        foreach (var twice in Bad.GroupBy(b => b.Label()).Where(g => g.Count() > 1))
            yield return new("bad", $"lists two BAD models named '{twice.Key}'; give each a 'name:' (it names their corpus and arms)");
    }
}
