using Cake.Core;

namespace ContrastivePipeline.Build.Host;

/// <summary>
/// Cake's console for output that goes to a file or a pipe (CI, `nohup ... > paper.log`): Cake's log writes raw ANSI
/// colour codes whenever the environment claims to support them, terminal or not; here it writes text only.
/// </summary>
internal sealed class PlainConsole(IConsole console) : IConsole
{
    public ConsoleColor ForegroundColor { get => console.ForegroundColor; set { } }

    public ConsoleColor BackgroundColor { get => console.BackgroundColor; set { } }

    public bool SupportAnsiEscapeCodes => false;

    public void ResetColor()
    {
    }

    public void Write(string format, params object[] arg) => console.Write(format, arg);

    public void Write(string value) => console.Write(value);

    public void WriteLine(string format, params object[] arg) => console.WriteLine(format, arg);

    public void WriteLine(string value) => console.WriteLine(value);

    public void WriteError(string format, params object[] arg) => console.WriteError(format, arg);

    public void WriteError(string value) => console.WriteError(value);

    public void WriteErrorLine(string format, params object[] arg) => console.WriteErrorLine(format, arg);

    public void WriteErrorLine(string value) => console.WriteErrorLine(value);
}
