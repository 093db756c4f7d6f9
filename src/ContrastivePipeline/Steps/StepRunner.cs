using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using TorchSharp;

namespace ContrastivePipeline.Steps;

/// <summary>
/// Runs one step instance from its spec: takes the key's lock, reuses a complete artifact if one appeared meanwhile,
/// otherwise runs the step into the partial folder and commits it (hashes, manifest last, rename).
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
        using var keyLock = KeyLock.Acquire(store.LockFile(spec.Step, spec.Key), Console.WriteLine);
        if (!spec.Force && store.TryGet(spec.Step, spec.Key) is not null)
        {
            Console.WriteLine($"[{spec.Step}/{spec.Instance}] reused {spec.Key} (produced by another run meanwhile)");
            return 0;
        }
        var partial = store.PartialFolder(spec.Step, spec.Key);
        if (Directory.Exists(partial) && !step.Resumable)
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        // Every tensor the step makes stays rooted in this scope until the step ends. TorchSharp frees a tensor in its
        // finalizer, so an intermediate of f(g(x)) that only a native call still uses could otherwise be freed by a
        // collection on another thread (see Model/Scalars.cs for the Scalar half of this). Loops keep their own scopes.
        using (torch.NewDisposeScope())
            step.Run(new StepContext(spec, partial));
        store.Commit(new Manifest
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
        }, (file, done, total) => Console.WriteLine($"[{spec.Step}] hashing {file}: {done >> 20}/{total >> 20} MB"));
        return 0;
    }
}
