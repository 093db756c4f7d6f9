using System.Diagnostics;

namespace ContrastivePipeline.Build.Internal;

/// <summary>Runs a short command (sbatch, squeue, scancel) and returns its exit code and output.</summary>
internal static class Command
{
    public static (int Code, string Output, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, "", $"{file}: {e.Message} (is Slurm installed and on PATH?)");
        }
    }
}
