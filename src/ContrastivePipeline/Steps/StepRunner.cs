using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using TorchSharp;

namespace ContrastivePipeline.Steps;

/// <summary>
/// Runs one step instance from its spec: takes the key's lock, and under it reuses a complete artifact (another run may
/// have made it meanwhile; only --force replaces one), otherwise checks the input files against their manifests, runs
/// the step into the partial folder and commits it (hashes, manifest last, rename), unless it lost the lock meanwhile,
/// then drops what a finished run does not keep (its spec's retention): only after the commit, so a run killed before it
/// still resumes from its partial folder.
/// </summary>
internal static class StepRunner
{
    public static int Run(IReadOnlyDictionary<string, IStep> steps, StepSpec spec)
    {
        if (!steps.TryGetValue(spec.Step, out var step))
        {
            Console.Error.WriteLine($"unknown step '{spec.Step}'; known: {string.Join(", ", steps.Keys)}");
            return 2;
        }
        var store = new ArtifactStore(spec.Store);
        var timeout = spec.LockTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        // A run that lost its lease stops at once, as one whose host died does (HostWatch): another run holds the key now.
        var options = LockOptions.Default with { OnLost = () => Process.GetCurrentProcess().Kill() };
        using var keyLock = KeyLock.Acquire(store.LockFile(spec.Step, spec.Key), Console.WriteLine, timeout, options);
        if (!spec.Force && store.TryGet(spec.Step, spec.Key) is not null)
        {
            Console.WriteLine($"[{spec.Step}/{spec.Instance}] reused {spec.Key} (produced by another run meanwhile)");
            return 0;
        }
        var partial = store.PartialFolder(spec.Step, spec.Key);
        if (Directory.Exists(partial) && !step.Resumable)
            Directory.Delete(partial, recursive: true);
        var context = new StepContext(spec, partial);

        var clock = Stopwatch.StartNew();
        var (files, bytes) = InputCheck.Run(context, step);
        if (files > 0)
            context.Log($"checked {files} input files ({bytes / 1e6:F1} MB) against their manifests in {clock.Elapsed.TotalMilliseconds:F0} ms");
        // --force replaces the complete artifact: it leaves the store (into trash/) once the inputs check out, not at the
        // commit, so that until then no run reuses it and Status shows the instance as being recomputed, and a failed or
        // killed forced run is rerun, or resumed, by the plain command.
        if (spec.Force && store.TryGet(spec.Step, spec.Key) is not null)
            context.Log($"--force: moved the complete artifact to {store.MoveToTrash(spec.Step, spec.Key, "replaced")}");
        // Only now: a run whose inputs are damaged or gone leaves no empty partial folder behind.
        Directory.CreateDirectory(partial);
        if (AtomicFile.Sweep(partial) is > 0 and var left)
            context.Log($"removed {left} half-written file(s) a killed attempt left in {partial}");

        var started = DateTimeOffset.UtcNow;
        clock.Restart();
        // Every tensor the step makes stays rooted in this scope until the step ends. TorchSharp frees a tensor in its
        // finalizer, so an intermediate of f(g(x)) that only a native call still uses could otherwise be freed by a
        // collection on another thread (see Model/Scalars.cs for the Scalar half of this). Loops keep their own scopes.
        using (torch.NewDisposeScope())
            step.Run(context);
        var manifest = store.Commit(new Manifest
        {
            Step = spec.Step,
            Key = spec.Key,
            Instance = spec.Instance,
            Parts = spec.Parts,
            InputKeys = spec.InputKeys,
            Outputs = [],
            Seed = spec.Seed,
            Versions = spec.Toolchain,
            Started = started,
            Ended = DateTimeOffset.UtcNow,
            DurationSeconds = clock.Elapsed.TotalSeconds,
            Run = spec.Run,
        }, (file, done, total) => Console.WriteLine($"[{spec.Step}] hashing {file}: {done >> 20}/{total >> 20} MB"), Dropped(spec),
            // Hashing a large artifact takes a while: the lease is checked again at the rename itself.
            beforeMove: keyLock.ThrowIfLost);
        if (manifest.Dropped is { Count: > 0 } dropped)
            Console.WriteLine($"[{spec.Step}/{spec.Instance}] dropped {dropped.Count} files a finished run does not keep " +
                $"(train.keep_optimizer, train.keep_checkpoints), e.g. {dropped[0]}; their hashes stay in the manifest");
        return 0;
    }

    static Func<string, bool>? Dropped(StepSpec spec) => spec.Retention is { } kept ? kept.Drops : null;
}
