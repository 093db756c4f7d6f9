using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>What a store holds after a run, and the checks that it holds nothing wrong.</summary>
internal static class StoreState
{
    public static readonly string Smoke = $"--experiment={Path.Combine(Repo.Root, "experiments", "smoke.yaml")}";
    public const string UpToFinal = "--target=TrainFinal";

    /// <summary>The complete artifacts: folders of store/&lt;step&gt;/ with a manifest.</summary>
    public static List<Manifest> Complete(string root) =>
        !Directory.Exists(Path.Combine(root, "store")) ? []
            : [.. Directory.GetFiles(Path.Combine(root, "store"), ArtifactStore.ManifestFile, SearchOption.AllDirectories)
                .Where(f => !f.Contains(".partial"))
                .Select(Json.Read<Manifest>)];

    /// <summary>Every output hash of the run's instances, named by instance link (runs/smoke/&lt;Task&gt;-&lt;instance&gt;) and file.</summary>
    public static SortedDictionary<string, string> Outputs(string root, string experiment = "smoke")
    {
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in Directory.GetFileSystemEntries(Path.Combine(root, "runs", experiment)).Where(l => new FileInfo(l).LinkTarget is not null))
        {
            var manifest = Json.Read<Manifest>(Path.Combine(link, ArtifactStore.ManifestFile));
            foreach (var (file, hash) in manifest.Outputs)
                outputs[$"{Path.GetFileName(link)}/{file}"] = hash;
        }
        return outputs;
    }

    /// <summary>The same files with the same bytes; the message lists only what differs.</summary>
    public static void AssertSameOutputs(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var differ = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).ToList();
        Assert.True(differ.Count == 0, $"{differ.Count} output files differ from the undisturbed run's: {string.Join(", ", differ.Take(20))}");
    }

    /// <summary>Every complete artifact matches its manifest (less the files it dropped) and holds no partial entry; nothing went to trash.</summary>
    public static void AssertSound(string root, bool trashEmpty = true)
    {
        var store = new ArtifactStore(root);
        foreach (var manifest in Complete(root))
        {
            Assert.Empty(store.Verify(manifest));
            var folder = store.Folder(manifest.Step, manifest.Key);
            Assert.DoesNotContain(Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories), e => e.Contains(".partial"));
            Assert.Equal(manifest.Outputs.Keys.Where(f => !manifest.IsDropped(f)).Order(), Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f)).Where(f => f != ArtifactStore.ManifestFile).Order());
        }
        if (trashEmpty)
            Assert.False(Directory.Exists(Path.Combine(root, "trash")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, "trash")).Any());
    }

    /// <summary>A failure the user can fix reads as a message: no stack trace, no exception type, no raw markup.</summary>
    public static void AssertClearError(string output)
    {
        Assert.Contains("error:", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("[red]", output);
    }

    /// <summary>Copies an artifact root; links are copied as links, not followed.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (new FileInfo(entry).LinkTarget is { } link)
                Directory.CreateSymbolicLink(target, link);
            else if (Directory.Exists(entry))
                Copy(entry, target);
            else
                File.Copy(entry, target);
        }
    }
}
