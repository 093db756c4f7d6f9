using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// <c>--target=Gc</c> (as <c>dvc gc</c>): deletes the store entries that no experiment of the scope references, the
/// trash, and partial folders of unreferenced keys that no live run holds; drops what the scope's finished training
/// runs do not keep (optimizer state, unread checkpoints). Lists it all with the bytes freed first; deletes nothing
/// unless a scope is named (<c>--scope=experiments</c>); <c>--dryrun</c> only lists. Every key is locked (without
/// waiting) before anything of it goes, so an entry a live run holds is skipped, and folders are renamed into trash/
/// before they are deleted. A partial folder of a referenced key is kept: it is where its interrupted run resumes.
/// </summary>
internal static class StoreGc
{
    public const string DefaultScope = "experiments";

    public static int Run(Arguments arguments, string root)
    {
        var scope = arguments.All["scope"].LastOrDefault();
        if (scope is null && !arguments.DryRun)
            throw new ArgumentException("Gc deletes only what a named scope does not reference: give --scope=experiments " +
                "(every file in experiments/) or --scope=experiments/a.yaml,experiments/b.yaml; --dryrun lists what would go");
        var contexts = ScopeFiles(scope ?? DefaultScope, root).Select(f => StoreVerbs.Load(arguments, root, f)).ToList();
        var store = contexts[0].Store;
        var (referenced, retention) = References(contexts);
        var partials = arguments.All["partials"].LastOrDefault() is { } p && p != "false";
        var entries = Candidates(store, referenced, retention, partials, out var kept).ToList();
        StoreVerbs.Write(["Deletes", "Entry", "Size"],
            entries.Select(e => (IReadOnlyList<string>)[e.What, Path.GetRelativePath(store.Root, e.Folder), StoreVerbs.Bytes(e.Bytes)]));
        var names = string.Join(", ", contexts.Select(c => c.Experiment.Name));
        StoreVerbs.Say($"Gc of {store.Root}, keeping what {names} reference{(contexts.Count == 1 ? "s" : "")} ({referenced.Count} keys): " +
            $"{entries.Count} entries, {StoreVerbs.Bytes(entries.Sum(e => e.Bytes))} to free; " +
            $"{kept} partial folders of referenced keys kept (their runs resume from them; --partials deletes them too)");
        if (arguments.DryRun)
        {
            StoreVerbs.Say($"dry run: nothing deleted. Delete with --target=Gc --scope={scope ?? DefaultScope}");
            return 0;
        }
        var (freed, skipped) = (0L, 0);
        foreach (var entry in entries)
        {
            if (Delete(store, entry) is { } why)
            {
                StoreVerbs.Say($"skipped {Path.GetRelativePath(store.Root, entry.Folder)}: {why}");
                skipped++;
            }
            else
                freed += entry.Bytes;
        }
        StoreVerbs.Say($"freed {StoreVerbs.Bytes(freed)}; {skipped} entries skipped");
        return 0;
    }

    /// <summary>The experiment files of a scope: files, and the YAML files of folders, comma-separated.</summary>
    public static List<string> ScopeFiles(string scope, string root)
    {
        var files = new List<string>();
        foreach (var part in scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var path = Paths.ExperimentFile(part, root);
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml")).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new ArgumentException($"--scope={scope}: '{part}' is neither an experiment file nor a folder of them");
        }
        return files.Count > 0 ? files : throw new ArgumentException($"--scope={scope} names no experiment file");
    }

    /// <summary>
    /// The keys the experiments reference (every instance of their whole graph whose key is known; for one whose inputs
    /// are not complete, the key of its last run), and what each referenced training run keeps: the most any of them asks.
    /// </summary>
    static (HashSet<string> Keys, Dictionary<string, RunRetention> Retention) References(IEnumerable<BuildContext> contexts)
    {
        var (keys, retention) = (new HashSet<string>(), new Dictionary<string, RunRetention>());
        foreach (var context in contexts)
        {
            var instances = GraphInstances.Plan(context, StoreVerbs.Graph);
            var record = new RunRecord(context.Paths.Run(context.Experiment.Name));
            var read = Retention.CheckpointsRead(instances);
            foreach (var instance in instances)
            {
                if ((instance.Parts?.Key ?? record.LastParts(instance.Id)?.Key) is { } key)
                    keys.Add($"{instance.Step}/{key}");
                if (instance is { Manifest: not null, Settings: TrainSettings train })
                {
                    var rule = Retention.For(train, read.GetValueOrDefault(instance.Id, []));
                    retention[instance.Key] = retention.TryGetValue(instance.Key, out var other) ? Widest(rule, other) : rule;
                }
            }
        }
        return (keys, retention);
    }

    static RunRetention Widest(RunRetention a, RunRetention b) => new(a.KeepOptimizer || b.KeepOptimizer,
        a.Checkpoints is null || b.Checkpoints is null ? null : [.. a.Checkpoints.Union(b.Checkpoints).Order()]);

    /// <param name="partials">Also the partial folders of referenced keys (their interrupted runs then start over).</param>
    static IEnumerable<GcEntry> Candidates(ArtifactStore store, HashSet<string> referenced, Dictionary<string, RunRetention> retention,
        bool partials, out int kept)
    {
        var entries = new List<GcEntry>();
        kept = 0;
        var root = Path.Combine(store.Root, "store");
        foreach (var stepFolder in (Directory.Exists(root) ? Directory.GetDirectories(root) : []).Order(StringComparer.Ordinal))
        {
            var step = Path.GetFileName(stepFolder);
            foreach (var folder in Directory.EnumerateDirectories(stepFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                var partial = name.EndsWith(".partial", StringComparison.Ordinal);
                var key = partial ? name[..^".partial".Length] : name;
                var lockFile = store.LockFile(step, key);
                if (!referenced.Contains($"{step}/{key}"))
                    entries.Add(new(partial ? "partial folder of an unreferenced key" : "unreferenced", folder, StoreVerbs.Size(folder), lockFile));
                else if (partial && partials)
                    entries.Add(new("partial folder of a referenced key (--partials: its run starts over)", folder, StoreVerbs.Size(folder), lockFile));
                else if (partial)
                    kept++;
                else if (retention.TryGetValue(key, out var rule) && store.TryGet(step, key) is { } manifest &&
                         Dropping(folder, manifest, rule) is { Count: > 0 } files)
                    entries.Add(new($"retention: {files.Count} files a finished run does not keep", folder,
                        files.Sum(f => new FileInfo(Path.Combine(folder, f)).Length), lockFile, files));
            }
        }
        var trash = Path.Combine(store.Root, "trash");
        var trashed = Directory.Exists(trash) ? Directory.GetFileSystemEntries(trash) : [];
        foreach (var entry in trashed.Order(StringComparer.Ordinal))
            entries.Add(new("trash", entry, File.Exists(entry) ? new FileInfo(entry).Length : StoreVerbs.Size(entry), null));
        return entries;
    }

    /// <summary>The files of a complete run still on disk that its retention drops (or that its manifest already names dropped).</summary>
    static List<string> Dropping(string folder, Manifest manifest, RunRetention rule) =>
        [.. manifest.Outputs.Keys.Where(f => rule.Drops(f) || manifest.IsDropped(f)).Where(f => File.Exists(Path.Combine(folder, f)))];

    /// <summary>Deletes one entry under its key's lock; returns why it was skipped, or null when it is gone.</summary>
    static string? Delete(ArtifactStore store, GcEntry entry)
    {
        if (entry.Lock is null)
        {
            try
            {
                if (File.Exists(entry.Folder))
                    File.Delete(entry.Folder);
                else
                    Directory.Delete(entry.Folder, recursive: true);
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return "it is gone (another Gc deleted it meanwhile)";
            }
        }
        KeyLock held;
        try
        {
            held = KeyLock.Acquire(entry.Lock, _ => { }, TimeSpan.Zero);
        }
        catch (LockTimeoutException)
        {
            return $"a live run holds its lock ({LockHolder.Read(KeyLock.HolderFile(entry.Lock))?.ToString() ?? "an unknown process"})";
        }
        using (held)
        {
            if (!Directory.Exists(entry.Folder))
                return "it is gone (a run committed or removed it meanwhile)";
            if (entry.Files is null)
                store.Delete(entry.Folder, "gc");
            else if (Json.Read<Manifest>(Path.Combine(entry.Folder, ArtifactStore.ManifestFile)) is var manifest)
                store.Drop(manifest, entry.Files);
        }
        return null;
    }
}
