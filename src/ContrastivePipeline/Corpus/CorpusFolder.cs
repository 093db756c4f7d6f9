using System.Text;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Corpus;

/// <summary>Reads a folder in the BabyLM layout: one UTF-8 file per source, documents separated by empty lines.</summary>
internal static class CorpusFolder
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<Source> Read(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new StepException($"{folder}: no text files. Put one UTF-8 file per source there (documents separated by empty lines).");
        var sources = files.Select(f => new Source(Path.GetFileNameWithoutExtension(f), Documents.Split(ReadText(f)))).ToList();
        if (sources.All(s => s.Documents.Count == 0))
            throw new StepException($"{folder}: the files hold no text.");
        return sources;
    }

    /// <summary>Strict UTF-8 with line endings normalised to \n; binary files and invalid bytes are errors naming the file.</summary>
    public static string ReadText(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            throw new StepException($"{file}: looks like a binary file (NUL byte at offset {nul}). Corpus folders hold UTF-8 text only; move it out.");
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        }
        catch (DecoderFallbackException e)
        {
            throw new StepException($"{file}: not valid UTF-8 (bad byte at offset {e.Index}). Convert it, e.g. `iconv -f latin1 -t utf-8`.");
        }
    }
}
