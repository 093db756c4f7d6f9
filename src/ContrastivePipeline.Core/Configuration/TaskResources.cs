namespace ContrastivePipeline.Configuration;

/// <summary>
/// What one instance of a task asks a cluster for (Slurm's sbatch options). Never part of a key: the same instance gives
/// the same bytes on any node. Unset values fall back to the next level (experiment default, cake.config).
/// </summary>
public sealed record TaskResources
{
    /// <summary>CPUs per instance (--cpus-per-task); the step's libtorch threads.</summary>
    public int? Cpus { get; init; }

    /// <summary>Memory per instance, in Slurm's notation (--mem), e.g. 8G.</summary>
    public string? Memory { get; init; }

    /// <summary>GPUs per instance (--gres=gpu:N).</summary>
    public int? Gpus { get; init; }

    /// <summary>Wall-time limit (--time), e.g. 04:00:00.</summary>
    public string? Time { get; init; }

    public string? Partition { get; init; }
    public string? Account { get; init; }

    /// <summary>Further sbatch options, one per entry, e.g. [--qos=high, --constraint=a100].</summary>
    public List<string>? Options { get; init; }

    /// <summary>These values, with the unset ones taken from <paramref name="fallback"/>.</summary>
    public TaskResources Over(TaskResources fallback) => new()
    {
        Cpus = Cpus ?? fallback.Cpus,
        Memory = Memory ?? fallback.Memory,
        Gpus = Gpus ?? fallback.Gpus,
        Time = Time ?? fallback.Time,
        Partition = Partition ?? fallback.Partition,
        Account = Account ?? fallback.Account,
        Options = Options ?? fallback.Options,
    };

    internal IEnumerable<ConfigError> Validate()
    {
        if (Cpus is < 1)
            yield return new("cpus", $"must be at least 1, got {Cpus}");
        if (Gpus is < 0)
            yield return new("gpus", $"must be 0 or more, got {Gpus}");
    }
}
