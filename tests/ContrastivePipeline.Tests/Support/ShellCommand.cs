using System.Diagnostics;

namespace ContrastivePipeline.Tests.Support;

/// <summary>Runs a command (sbatch, squeue, scontrol) to its end: its exit code and its output and errors together.</summary>
internal static class ShellCommand
{
    public static (int Code, string Output) Exec(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
