namespace ContrastivePipeline.Build;

/// <summary>The host's command-line switches, parsed from <c>--name=value</c> and <c>--flag</c>.</summary>
public sealed record Arguments
{
    public const string DefaultTarget = "Evaluate";

    static readonly string[] Known =
        ["target", "experiment", "dryrun", "tree", "exclusive", "force", "verbosity", "plan", "verify", "description", "lock-timeout",
        "jobs", "executor", "fail-fast", "scope", "out", "partials", "retries"];

    public string Target { get; init; } = DefaultTarget;
    public string Experiment { get; init; } = "experiments/default.yaml";
    public bool DryRun { get; init; }
    public bool Tree { get; init; }
    public bool Description { get; init; }
    public bool Exclusive { get; init; }
    public bool Verify { get; init; }
    public string? Force { get; init; }
    public string Verbosity { get; init; } = "normal";
    public string? PlanFile { get; init; }
    /// <summary>How long a step waits for another run's lock on its key, in seconds; null waits as long as that run lives.</summary>
    public double? LockTimeoutSeconds { get; init; }

    /// <summary>How many step instances may run at once; null takes cake.config's Run.Jobs (default 1).</summary>
    public int? Jobs { get; init; }
    /// <summary>Where instances run: local child processes or Slurm jobs; null takes cake.config's Run.Executor.</summary>
    public string? Executor { get; init; }
    /// <summary>On a failure, cancel the instances still running instead of letting them finish.</summary>
    public bool FailFast { get; init; }
    /// <summary>How often a Slurm job that ran out of memory or time is submitted again with twice as much (default 1).</summary>
    public int Retries { get; init; } = 1;

    /// <summary>Everything given, for Cake's argument service (cake.config overrides such as --paths_artifacts=... included).</summary>
    public ILookup<string, string> All { get; init; } = Array.Empty<string>().ToLookup(x => x);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (var arg in args)
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{arg}'; switches look like --target=Tokenize");
            var body = arg[2..];
            var eq = body.IndexOf('=');
            var (name, value) = eq < 0 ? (body, "true") : (body[..eq], body[(eq + 1)..]);
            name = name.ToLowerInvariant();
            if (!Known.Contains(name) && !Tasks.BenchmarkTask.BenchmarkShape.Contains(name) && !name.Contains('_'))
                throw new ArgumentException($"unknown switch --{name}; known: {string.Join(", ", Known.Select(k => "--" + k))} " +
                    "(and cake.config overrides such as --compute_threads=2)");
            pairs.Add((name, value));
        }
        var map = pairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value);
        string? Get(string name) => map.TryGetValue(name, out var v) ? v : null;
        bool Flag(string name) => Get(name) is { } v && v != "false";
        return new Arguments
        {
            Target = Get("target") ?? DefaultTarget,
            Experiment = Get("experiment") ?? "experiments/default.yaml",
            DryRun = Flag("dryrun"),
            Tree = Flag("tree"),
            Description = Flag("description"),
            Exclusive = Flag("exclusive"),
            Verify = Flag("verify"),
            Force = Get("force"),
            Verbosity = Get("verbosity") ?? "normal",
            PlanFile = Get("plan"),
            LockTimeoutSeconds = Get("lock-timeout") is not { } timeout ? null
                : double.TryParse(timeout, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? seconds
                : throw new ArgumentException($"--lock-timeout={timeout}: give a number of seconds, e.g. --lock-timeout=600"),
            Jobs = Get("jobs") is not { } jobs ? null
                : int.TryParse(jobs, out var n) && n >= 1 ? n
                : throw new ArgumentException($"--jobs={jobs}: give how many instances may run at once, e.g. --jobs=4"),
            Executor = Get("executor"),
            FailFast = Flag("fail-fast"),
            Retries = Get("retries") is not { } retries ? 1
                : int.TryParse(retries, out var r) && r >= 0 ? r
                : throw new ArgumentException($"--retries={retries}: give how often a job out of memory or time is tried again, e.g. --retries=2"),
            All = pairs.ToLookup(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase),
        };
    }
}
