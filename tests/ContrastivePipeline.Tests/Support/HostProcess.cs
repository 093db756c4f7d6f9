using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ContrastivePipeline.Tests.Support;

/// <summary>The build host as a user runs it: its own process, output captured, killable with any signal.</summary>
internal sealed class HostProcess : IDisposable
{
    readonly ConcurrentQueue<string> lines = new();
    readonly Process process;

    public HostProcess(string artifacts, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Dll, $"--paths_artifacts={artifacts}", .. args])
            start.ArgumentList.Add(arg);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(Repo.Root, "build", "bin", Configuration, "net10.0", "Build.dll");

    public static string Configuration =>
        typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join("\n", lines);

    /// <summary>Runs the host to its end and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string artifacts, params string[] args) => RunIn(null, artifacts, args);

    public static (int ExitCode, string Output) RunIn(string? workingDirectory, string artifacts, params string[] args)
    {
        using var host = new HostProcess(artifacts, workingDirectory, args);
        return (host.WaitForExit(TimeSpan.FromMinutes(15)), host.Output);
    }

    public int WaitForExit(TimeSpan limit)
    {
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the host did not end within {limit}; its output:\n{Output}");
        }
        // Drains the output; bounded, because a child that outlived the host (a bug) would hold the pipe open forever.
        if (!Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromMinutes(1)))
            Assert.Fail($"the host ended but its output stayed open: a child process outlived it; output:\n{Output}");
        return process.ExitCode;
    }

    /// <summary>Waits until a line of output contains <paramref name="text"/>; fails if the host ends first.</summary>
    public void WaitForLine(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited || clock.Elapsed > limit)
                Assert.Fail($"no line with '{text}' (host {(process.HasExited ? "ended" : "still running")}); output:\n{Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends a signal to the host only (not its children), as `kill -SIG pid` does.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
