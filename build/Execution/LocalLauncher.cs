using System.Diagnostics;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Execution;

/// <summary>Runs each instance as a child process of this host, its output to the console (a line at a time) and its log.</summary>
internal sealed class LocalLauncher(string root, string cli) : ILauncher
{
    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(50);

    /// <summary>A share of this machine's cores: the instances running at once split them.</summary>
    public int Threads(TaskResources resources, int threads, DeviceSlots slots) => slots.ThreadsEach(threads);

    public void DescribeDryRun(IReadOnlyList<PlannedStep> plan, Func<string, int> threadsOf, Func<string, TaskResources> resources) { }

    public TimeSpan CommitGrace => TimeSpan.Zero;

    /// <summary>A local child dies with the host that started it: there is nothing left running to adopt.</summary>
    public Job? Adopt(Launch launch) => null;

    public Job Start(Launch launch)
    {
        if (!File.Exists(cli))
            throw new StepFailedException($"step CLI not found at {cli}; build it with `dotnet build` (dotnet run --project build does).");
        // The child holds our stdin pipe's read end: when this host dies, even by SIGKILL, the child sees it end and stops.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { cli, "step", launch.SpecFile, StepSpec.WatchHost })
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in ChildEnvironment.For(launch))
            start.Environment[name] = value;
        var output = new InstanceOutput(launch);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Line(e.Data);
        process.ErrorDataReceived += (_, e) => output.Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LocalJob(launch, process, output);
    }

    public void Poll(IReadOnlyCollection<Job> running)
    {
        foreach (var job in running.Cast<LocalJob>().Where(j => j.Process.HasExited))
        {
            job.Process.WaitForExit(); // drains the output read asynchronously
            var code = job.Process.ExitCode;
            job.Finish(new JobEnd(code == 0, $"exit code {code}", Signaled: code > 128, Again: code == StepSpec.StoppedToRunAgain));
        }
    }

    public void Cancel(IReadOnlyCollection<Job> running)
    {
        foreach (var job in running.Cast<LocalJob>())
        {
            if (!job.Process.HasExited)
                job.Process.Kill(entireProcessTree: true);
        }
        foreach (var job in running.Cast<LocalJob>())
        {
            job.Process.WaitForExit();
            job.Finish(new JobEnd(false, "cancelled", Signaled: true));
        }
    }

    sealed class LocalJob(Launch launch, Process process, InstanceOutput output) : Job(launch, running: true)
    {
        public Process Process { get; } = process;

        public override string Where => $"pid {Process.Id}";

        public void Finish(JobEnd end)
        {
            End = end;
            output.Dispose();
            Process.Dispose();
        }
    }
}
