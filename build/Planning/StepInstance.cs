using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Planning;

/// <summary>
/// One run of a step program (e.g. TrainFinal for one arm and seed). Its key hashes the contents of its inputs, so it
/// is known only once every input is complete: before that (an input still has to run) the instance is pending.
/// </summary>
public sealed class StepInstance(string task, string step, string instance, object settings, int seed,
    IReadOnlyDictionary<string, StepInput> inputs, StepCode code, string settingsJson, string toolchain, ArtifactStore store)
{
    public string Task { get; } = task;
    public string Step { get; } = step;
    public string Instance { get; } = instance;
    public object Settings { get; } = settings;
    public int Seed { get; } = seed;

    /// <summary>The arm of a final run or of its evaluation (null for the rest, GOOD included): typed, so no task parses a name.</summary>
    public Arm? Arm { get; init; }
    public IReadOnlyDictionary<string, StepInput> Inputs { get; } = inputs;

    /// <summary>The methods and types of ours the step runs: the code part of the key hashes them; the plan diffs them with the last run's.</summary>
    public StepCode Code { get; } = code;

    /// <summary>The settings as canonical JSON: the config part of the key hashes it; the plan diffs it with the last run's.</summary>
    public string SettingsJson { get; } = settingsJson;

    /// <summary>The parts known before the inputs are: an unchanged pending instance reruns only if an input's bytes change.</summary>
    public KeyParts KnownParts { get; } = new(step, code.Hash, Hash.OfText(settingsJson), "", toolchain);

    /// <summary>The key parts, or null while an input's content is unknown.</summary>
    public KeyParts? Parts => Inputs.Values.Any(i => i.Content is null) ? null : KnownParts with
    {
        Inputs = Hash.OfParts([.. Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Content}")]),
    };

    public string Key => Parts?.Key ?? throw new InvalidOperationException($"{Id} is pending: an input has not run yet");

    public string Folder => store.Folder(Step, Key);

    /// <summary>The manifest once the artifact is complete (found in the store, or committed by this run).</summary>
    public Manifest? Manifest { get; set; }

    /// <summary>What the run keeps once finished (training runs); in no key. Set after planning (Store/Retention).</summary>
    public Steps.RunRetention? Retention { get; set; }

    public string Id => $"{Task}/{Instance}";

    /// <summary>This instance's artifact (or one folder of it) as an input of a later step.</summary>
    public StepInput AsInput(string under = "") => new ArtifactInput(this, under);
}
