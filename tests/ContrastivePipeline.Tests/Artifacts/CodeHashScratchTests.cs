using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

/// <summary>
/// Edits a scratch copy of the step sources, compiles it (restoring from the local package cache, as .ci/run does) and
/// checks which steps' code hashes move: about a minute, five compilations.
/// </summary>
public sealed class CodeHashScratchTests
{
    static readonly string[] Steps = ["Corpus", "Tokenize", "Train", "Generate", "Mix", "Score", "Export", "Report"];

    static readonly string[] Copied =
    [
        "src/ContrastivePipeline", "src/ContrastivePipeline.Core", "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props", "global.json", ".editorconfig", "build/MSBuild/WeakenElfVersionRequirement.cs",
    ];

    [Fact]
    public void CommentEdits_ChangeNoStep_ABodyEditInMix_ChangesOnlyMix_AndOneInADecoding_OnlyItsStrategysCorpora()
    {
        using var temp = new TempFolder();
        foreach (var path in Copied)
            Copy(Path.Combine(Repo.Root, path), Path.Combine(temp.Path, path));
        var before = Hashes(temp.Path);

        var mix = Path.Combine(temp.Path, "src/ContrastivePipeline/Training/MixStep.cs");
        var documents = Path.Combine(temp.Path, "src/ContrastivePipeline/Corpus/Documents.cs");
        Edit(mix, "    public void Run(StepContext context)\n    {\n", "    // Comments and blank lines compile to nothing.\n    public void Run(StepContext context)\n    {\n\n        // here neither\n");
        Edit(documents, "namespace ContrastivePipeline.Corpus;\n", "namespace ContrastivePipeline.Corpus;\n\n// A comment in a file most steps reach.\n");
        Assert.Equal(before, Hashes(temp.Path));

        Edit(mix, "synthetic documents -> ", "synthetic documents kept -> ");
        var after = Hashes(temp.Path);
        Assert.Equal(["Mix"], Changed(before, after));

        // A class that only reflection creates (Decoding.For finds it by its constructor): in the key of the corpora of
        // its strategy, and of no other.
        Edit(Path.Combine(temp.Path, "src/ContrastivePipeline/Generation/HeadOnlyDecoding.cs"),
            "return (Log(pGood).masked_fill(head.logical_not(), cut), head);", "return (Log(pGood).masked_fill(head.logical_not(), cut).contiguous(), head);");
        var headOnly = Hashes(temp.Path);
        Assert.Equal(["Generate", "Generate:head-only"], Changed(after, headOnly));

        Edit(Path.Combine(temp.Path, "src/ContrastivePipeline/Generation/ContrastiveDecoding.cs"),
            "return (contrast.masked_fill(head.logical_not(), cut), head);", "return (contrast.masked_fill(head.logical_not(), cut).contiguous(), head);");
        var contrastive = Hashes(temp.Path);
        Assert.Equal(["Generate", "Generate:contrastive"], Changed(headOnly, contrastive));
    }

    static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Where(s => before[s] != after[s]).Order(StringComparer.Ordinal)];

    static Dictionary<string, string> Hashes(string root)
    {
        Compile(root);
        var code = CodeHash.Load(Path.Combine(root, "src/ContrastivePipeline/obj/Debug/net10.0/ContrastivePipeline.dll"),
            Path.Combine(root, "src/ContrastivePipeline.Core/bin/Debug/net10.0/ContrastivePipeline.Core.dll"));
        var hashes = Steps.ToDictionary(s => s, s => code.For(s).Hash);
        foreach (var strategy in DecodingStrategy.All)
            hashes[$"Generate:{strategy}"] = code.For("Generate", [strategy.GetType().FullName!]).Hash;
        return hashes;
    }

    /// <summary>Compiles the step CLI (and Core, which it references) without copying TorchSharp's native libraries.</summary>
    static void Compile(string root)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "build", "src/ContrastivePipeline/ContrastivePipeline.csproj", "-t:Compile", "-c", "Debug", "-nodeReuse:false",
            "-p:RunAnalyzers=false", "-p:EnforceCodeStyleInBuild=false", "-p:GenerateDocumentationFile=false", "-v:q", "-nologo" })
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), "the scratch build did not end in 10 minutes");
        Assert.True(process.ExitCode == 0, $"the scratch build failed:\n{output}\n{error.Result}");
    }

    static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to));
    }

    static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar) is ["bin" or "obj", ..])
                continue;
            Copy(file, Path.Combine(to, relative));
        }
    }
}
