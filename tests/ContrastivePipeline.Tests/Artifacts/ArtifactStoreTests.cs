using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class ArtifactStoreTests
{
    static readonly KeyParts Parts = new("Step", "code", "config", "inputs", "toolchain");

    static Manifest ManifestFor(KeyParts parts) => new()
    {
        Step = parts.Step,
        Key = parts.Key,
        Instance = "i",
        Parts = parts,
        InputKeys = [],
        Outputs = [],
        Versions = new("t", "l", "d", "cpu"),
    };

    [Fact]
    public void PartialFolder_WithoutManifest_IsNeverReused()
    {
        using var temp = new TempFolder();
        var store = new ArtifactStore(temp.Path);
        Directory.CreateDirectory(store.PartialFolder("Step", Parts.Key));
        File.WriteAllText(Path.Combine(store.PartialFolder("Step", Parts.Key), "out.txt"), "half");
        Directory.CreateDirectory(store.Folder("Step", Parts.Key));

        Assert.Null(store.TryGet("Step", Parts.Key));
    }

    [Fact]
    public void Commit_HashesOutputs_WritesManifestLast_AndRenamesIntoPlace()
    {
        using var temp = new TempFolder();
        var store = new ArtifactStore(temp.Path);
        var partial = store.PartialFolder("Step", Parts.Key);
        Directory.CreateDirectory(Path.Combine(partial, "sub"));
        File.WriteAllText(Path.Combine(partial, "sub", "a.txt"), "hello");

        store.Commit(ManifestFor(Parts));

        Assert.False(Directory.Exists(partial));
        var manifest = store.TryGet("Step", Parts.Key)!;
        Assert.Equal(Hash.OfText("hello"), manifest.Outputs["sub/a.txt"]);
        Assert.Empty(store.Verify(manifest));
        File.WriteAllText(Path.Combine(store.Folder("Step", Parts.Key), "sub", "a.txt"), "changed");
        Assert.Equal(["sub/a.txt"], store.Verify(manifest));
    }

    [Fact]
    public void Key_ChangesWithEveryPart_AndChangesNameThePart()
    {
        var other = Parts with { Config = "config2" };
        Assert.NotEqual(Parts.Key, other.Key);
        Assert.NotEqual(Parts.Key, (Parts with { Toolchain = "x" }).Key);
        Assert.Equal(["config " + Hash.Short("config") + " -> " + Hash.Short("config2")], other.Changes(Parts));
    }
}
