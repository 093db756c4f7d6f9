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
    public BadConfig Bad { get; init; } = new();
    public MixConfig Mix { get; init; } = new();
    public FinalConfig Final { get; init; } = new();
    public EvaluateConfig Evaluate { get; init; } = new();

    internal IEnumerable<ConfigError> Validate() =>
        Corpus.Validate().Select(e => e.Under("corpus"))
            .Concat(Tokenizer.Validate().Select(e => e.Under("tokenizer")))
            .Concat(Model.Validate().Select(e => e.Under("model")))
            .Concat(Train.Validate().Select(e => e.Under("train")))
            .Concat(Bad.Validate().Select(e => e.Under("bad")))
            .Concat(Mix.Validate(Train.BatchSize).Select(e => e.Under("mix")))
            .Concat(Final.Validate().Select(e => e.Under("final")))
            .Concat(Evaluate.Validate().Select(e => e.Under("evaluate")))
            .Concat(Checkpoints());

    // GOOD and an early BAD name checkpoints of the base run, which exist only at multiples of checkpoint_every.
    IEnumerable<ConfigError> Checkpoints()
    {
        bool Saved(int step) => step == Train.Steps || (step < Train.Steps && step % Train.CheckpointEvery == 0);
        var saved = $"a saved checkpoint: a multiple of train.checkpoint_every ({Train.CheckpointEvery}) up to train.steps ({Train.Steps})";
        if (!Saved(Good.Step))
            yield return new("good.step", $"must be {saved}, got {Good.Step}");
        if (Bad.Kind == BadKind.Early && !(Saved(Bad.Step) && Bad.Step < Good.Step))
            yield return new("bad.step", $"must be {saved}, earlier than good.step ({Good.Step}), got {Bad.Step}");
        if (Bad.Kind == BadKind.Small && !Saved(Bad.Step))
            yield return new("bad.step", $"must be {saved} of the small run, got {Bad.Step}");
    }
}
