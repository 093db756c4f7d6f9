using System.Diagnostics;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>
/// A test that needs SentencePiece's Python module (Debian: <c>apt-get install python3-sentencepiece</c>, about 2 s):
/// it runs when <c>CP_SENTENCEPIECE</c> names a python that has it, or when /usr/bin/python3 has it, and is reported
/// as skipped otherwise.
/// </summary>
internal sealed class SentencePieceFactAttribute : FactAttribute
{
    public const string Variable = "CP_SENTENCEPIECE";

    static readonly Lazy<string?> Found = new(() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named ? named
        : Imports("/usr/bin/python3") ? "/usr/bin/python3" : null);

    public SentencePieceFactAttribute()
    {
        if (Python is null)
            Skip = $"install python3-sentencepiece, or set {Variable} to a python with sentencepiece, to run it";
    }

    public static string? Python => Found.Value;

    static bool Imports(string python)
    {
        if (!File.Exists(python))
            return false;
        using var process = Process.Start(new ProcessStartInfo(python, ["-c", "import sentencepiece"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
