namespace ContrastivePipeline.Artifacts;

/// <summary>Versions that can change a step's numbers without any change of ours.</summary>
public sealed record Toolchain(string TorchSharp, string Libtorch, string Dotnet, string Device)
{
    public string Hash => Artifacts.Hash.OfParts(TorchSharp, Libtorch, Dotnet, Device);

    /// <summary>Reads the pinned package versions from Directory.Packages.props, the single place they are set.</summary>
    public static Toolchain Read(string repoRoot, string device)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(repoRoot, "Directory.Packages.props"));
        string Version(string id) => props.Descendants("PackageVersion")
            .FirstOrDefault(e => (string?)e.Attribute("Include") == id)?.Attribute("Version")?.Value.Trim('[', ']')
            ?? throw new InvalidOperationException($"Directory.Packages.props has no version for {id}");
        return new(Version("TorchSharp"), Version("libtorch-cpu-linux-x64"), Environment.Version.ToString(), device);
    }
}
