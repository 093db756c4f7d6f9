using System.ComponentModel;
using System.Diagnostics;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// Runs a short command (squeue, sbatch, scancel, scontrol) and returns its exit code and output. One that does not end
/// within <c>timeout</c> is killed (exit code 124), one that is not installed gives 127: a hung or missing Slurm client
/// never hangs its caller.
/// </summary>
internal static class ShortCommand
{
    public static (int Code, string Output, string Error) Run(string file, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (124, "", $"{file} did not answer within {timeout.TotalSeconds:F0} s");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception e)
        {
            return (127, "", $"{file}: {e.Message} (is Slurm installed and on PATH?)");
        }
    }
}
