namespace ContrastivePipeline.Artifacts;

/// <summary>
/// Hash of the source files a step runs: the folders it names under src/. A change there invalidates the step; a
/// change anywhere else (build/, tests/, another stage's folder) does not.
/// </summary>
public static class CodeHash
{
    public static string Of(string sourceRoot, IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.Combine(sourceRoot, path);
            if (File.Exists(full))
                files.Add(full);
            else if (Directory.Exists(full))
                files.UnionWith(Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")));
            else
                throw new DirectoryNotFoundException($"code path '{path}' of a step does not exist under {sourceRoot}");
        }
        var parts = files.Select(f => Path.GetRelativePath(sourceRoot, f) + "\0" + File.ReadAllText(f).ReplaceLineEndings("\n"));
        return Hash.OfParts(parts.ToArray());
    }
}
