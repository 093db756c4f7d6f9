using System.Text.Json;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// Everything a step program needs, written by the build host as JSON: the step CLI runs
/// <c>ContrastivePipeline step &lt;spec.json&gt;</c>, the same command on this machine or a cluster node.
/// </summary>
public sealed record StepSpec
{
    public required string Step { get; init; }
    public required string Instance { get; init; }
    public required KeyParts Parts { get; init; }
    /// <summary>Exactly the configuration values the step reads (its settings record).</summary>
    public required JsonElement Settings { get; init; }
    /// <summary>Input name to the folder of a complete artifact.</summary>
    public required Dictionary<string, string> Inputs { get; init; }
    public required Dictionary<string, string> InputKeys { get; init; }
    public required string Store { get; init; }
    public required Toolchain Toolchain { get; init; }
    public int Seed { get; init; }
    public int Threads { get; init; } = 1;
    /// <summary>Replace an existing artifact of this key instead of reusing it (--force).</summary>
    public bool Force { get; init; }

    public string Key => Parts.Key;
}
