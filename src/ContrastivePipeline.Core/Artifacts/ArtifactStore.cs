namespace ContrastivePipeline.Artifacts;

/// <summary>
/// Content-addressed folders <c>store/&lt;step&gt;/&lt;key&gt;/</c>. A step writes into <c>&lt;key&gt;.partial/</c>; only
/// a finished step's folder gets its manifest (written last) and is renamed into place, so nothing half-written ever
/// looks complete. Replaced or corrupt artifacts are moved to <c>trash/</c>; only the Gc verb deletes, and it too
/// renames into <c>trash/</c> first, so a crash never leaves half of a complete-looking artifact.
/// </summary>
public sealed class ArtifactStore(string root)
{
    public const string ManifestFile = "manifest.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string Folder(string step, string key) => Path.Combine(Root, "store", step, key);

    public string PartialFolder(string step, string key) => Folder(step, key) + ".partial";

    public string LockFile(string step, string key) => Folder(step, key) + ".lock";

    /// <summary>The manifest of a complete artifact, or null when there is none (or it is unreadable).</summary>
    public Manifest? TryGet(string step, string key)
    {
        var path = Path.Combine(Folder(step, key), ManifestFile);
        if (!File.Exists(path))
            return null;
        try
        {
            return Json.Read<Manifest>(path);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Output files whose content no longer matches the manifest (changed or missing); dropped ones are not checked.</summary>
    public IReadOnlyList<string> Verify(Manifest manifest, Action<string, long, long>? progress = null)
    {
        var folder = Folder(manifest.Step, manifest.Key);
        return manifest.Outputs.Where(o => !manifest.IsDropped(o.Key)).Where(o =>
        {
            var file = Path.Combine(folder, o.Key);
            return !File.Exists(file) || Hash.OfFile(file, (done, total) => progress?.Invoke(o.Key, done, total)) != o.Value;
        }).Select(o => o.Key).ToList();
    }

    /// <summary>
    /// Hashes every file of a finished partial folder, writes the manifest last, and renames it into place; then deletes
    /// the outputs <paramref name="drop"/> names (see <see cref="Drop"/>), which keep their hashes in the manifest.
    /// </summary>
    /// <param name="beforeMove">Runs just before the rename that makes the artifact complete (a lock still held?); may throw.</param>
    public Manifest Commit(Manifest manifest, Action<string, long, long>? progress = null, Func<string, bool>? drop = null,
        Action? beforeMove = null)
    {
        var partial = PartialFolder(manifest.Step, manifest.Key);
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(partial, file).Replace('\\', '/');
            if (relative != ManifestFile)
                outputs[relative] = Hash.OfFile(file, (done, total) => progress?.Invoke(relative, done, total));
        }
        manifest = manifest with { Outputs = outputs };
        Json.Write(Path.Combine(partial, ManifestFile), manifest);
        var folder = Folder(manifest.Step, manifest.Key);
        beforeMove?.Invoke();
        if (Directory.Exists(folder))
            MoveToTrash(manifest.Step, manifest.Key, "replaced");
        Directory.Move(partial, folder);
        return drop is null ? manifest : Drop(manifest, [.. outputs.Keys.Where(drop)]);
    }

    /// <summary>
    /// Deletes outputs of a complete artifact that nothing will read, keeping their hashes: the manifest, naming them
    /// dropped, is written first, so a crash leaves at worst a dropped file still on disk, never a missing one it lists.
    /// The caller holds the key's lock.
    /// </summary>
    public Manifest Drop(Manifest manifest, IReadOnlyCollection<string> files)
    {
        var folder = Folder(manifest.Step, manifest.Key);
        if (files.Count > 0)
        {
            var dropped = (manifest.Dropped ?? []).Union(files).Order(StringComparer.Ordinal).ToList();
            manifest = manifest with { Dropped = dropped };
            Json.Write(Path.Combine(folder, ManifestFile), manifest);
        }
        foreach (var file in manifest.Dropped ?? [])
        {
            var path = Path.Combine(folder, file);
            File.Delete(path);
            for (var dir = Path.GetDirectoryName(path)!; dir.Length > folder.Length && Directory.Exists(dir) &&
                 !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir)!)
                Directory.Delete(dir);
        }
        return manifest;
    }

    /// <summary>Deletes a store folder (an artifact, a partial folder) by renaming it into trash/ first, then deleting it there.</summary>
    public void Delete(string folder, string why)
    {
        var name = $"{Path.GetFileName(Path.GetDirectoryName(folder))}-{Path.GetFileName(folder)}-{why}-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var trash = Path.Combine(Root, "trash", name);
        Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
        Directory.Move(folder, trash);
        Directory.Delete(trash, recursive: true);
    }

    /// <summary>Moves a complete artifact out of the store (into trash/) so that its key will be recomputed.</summary>
    public string MoveToTrash(string step, string key, string why)
    {
        var trash = Path.Combine(Root, "trash", $"{step}-{key}-{why}-{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
        Directory.Move(Folder(step, key), trash);
        return trash;
    }
}
