namespace ContrastivePipeline;

/// <summary>
/// The one way a file is written whole: into a temporary file of its own beside it (process id and a GUID, so two
/// writers never share one), then renamed, so a reader never sees half a file. A writer killed in between leaves only
/// a <c>*.tmp</c> file, which <see cref="Sweep"/> removes before a step resumes its partial folder.
/// </summary>
internal static class AtomicFile
{
    const string Suffix = ".tmp";

    public static void Write(string path, Action<string> write)
    {
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}";
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            File.Delete(tmp); // gone already after the rename; a failed write leaves nothing
        }
    }

    /// <summary>Deletes what killed writers left under <paramref name="folder"/>; returns how many files.</summary>
    public static int Sweep(string folder)
    {
        if (!Directory.Exists(folder))
            return 0;
        var left = Directory.GetFiles(folder, "*" + Suffix, SearchOption.AllDirectories);
        foreach (var file in left)
            File.Delete(file);
        return left.Length;
    }
}
