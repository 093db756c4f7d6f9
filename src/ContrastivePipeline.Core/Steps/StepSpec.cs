using System.Text.Json;
using System.Text.Json.Serialization;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// Everything a step program needs, written by the build host as JSON: the step CLI runs
/// <c>ContrastivePipeline step &lt;spec.json&gt;</c>, the same command on this machine or a cluster node.
/// </summary>
public sealed record StepSpec
{
    /// <summary>The step CLI's switch that makes a step stop when the host that started it dies (see HostWatch).</summary>
    public const string WatchHost = "--watch-stdin";

    /// <summary>
    /// The exit code of a step that stopped on a signal after saving where it got to (EX_TEMPFAIL of sysexits.h): not a
    /// failure; the sbatch script requeues its job, the local host starts it again, and it resumes.
    /// </summary>
    public const int StoppedToRunAgain = 75;

    public required string Step { get; init; }
    public required string Instance { get; init; }
    public required KeyParts Parts { get; init; }
    /// <summary>Exactly the configuration values the step reads (its settings record).</summary>
    public required JsonElement Settings { get; init; }
    /// <summary>Input name to the folder of a complete artifact.</summary>
    public required Dictionary<string, string> Inputs { get; init; }
    /// <summary>Input name to the content hash its key part was made from.</summary>
    public required Dictionary<string, string> InputKeys { get; init; }
    /// <summary>The inputs that are store artifacts: the step checks their files against their manifests before use.</summary>
    public Dictionary<string, InputArtifact> Artifacts { get; init; } = [];
    public required string Store { get; init; }
    public required Toolchain Toolchain { get; init; }
    public int Seed { get; init; }
    public int Threads { get; init; } = 1;
    /// <summary>Replace an existing artifact of this key instead of reusing it (--force).</summary>
    public bool Force { get; init; }
    /// <summary>How long to wait for another run's lock on this key; null waits as long as it runs.</summary>
    public double? LockTimeoutSeconds { get; init; }
    /// <summary>What a training run keeps once it has finished; null keeps every output. Not part of the key.</summary>
    public RunRetention? Retention { get; init; }
    /// <summary>
    /// Where the step writes its TensorBoard event files (<c>runs/&lt;experiment&gt;/tensorboard/&lt;instance&gt;</c>); null
    /// writes none. Logs, not results: outside the store and in no key.
    /// </summary>
    [JsonPropertyName("tensorboard")]
    public string? TensorBoard { get; init; }

    /// <summary>The host run that launched the step; its manifest records it, so the host can tell its own results apart.</summary>
    public string? Run { get; init; }

    public string Key => Parts.Key;
}
