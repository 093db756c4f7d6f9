using System.Text;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build.Execution;

/// <summary>The sbatch script of one instance: its resources, a readable job name, its log, and the step command.</summary>
internal static class SbatchScript
{
    /// <param name="signal">What <c>--signal=</c> asks (e.g. <c>B:USR1@120</c>: USR1 to this script 120 s before the time limit); null asks nothing.</param>
    public static string For(Launch launch, string root, string cli, string? signal)
    {
        var s = new StringBuilder("#!/bin/bash\n");
        void Option(string option) => s.Append("#SBATCH ").Append(option).Append('\n');
        Option($"--job-name={launch.Name}");
        Option($"--output={launch.LogFile}");
        Option("--open-mode=append");
        // Preempted or on a failed node, the job runs again and resumes from its partial folder.
        Option("--requeue");
        if (signal is not null)
            Option($"--signal={signal}");
        foreach (var option in Resources(launch.Threads, launch.Resources))
            Option(option);
        s.Append($"# {launch.Instance.Id}, written by the build host; it can be submitted by hand: sbatch {Quote(Path.ChangeExtension(launch.SpecFile, ".sbatch"))}\n");
        s.Append($"cd {Quote(root)}\n");
        foreach (var (name, value) in ChildEnvironment.For(launch))
            s.Append($"export {name}={Quote(value)}\n");
        s.Append($"echo \"=== {launch.Instance.Id} on $(hostname), Slurm job $SLURM_JOB_ID, restart ${{SLURM_RESTART_COUNT:-0}}, " +
            "CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-}, started $(date +%s.%N)\"\n");
        // The step runs in the background: bash runs a trap only between commands, and Slurm's signal (B:) reaches this
        // shell only. Handed on, it makes the step checkpoint at its next optimizer step and exit 75. Only USR1 (the
        // time limit's warning) requeues the job from here: on TERM Slurm is preempting or requeueing it, and requeues
        // it itself, or someone cancelled it (scancel, the host's Ctrl-C), and then it must stay cancelled.
        s.Append($"dotnet {Quote(cli)} step {Quote(launch.SpecFile)} &\nstep=$!\n");
        s.Append("trap 'warned=1; kill -USR1 $step 2>/dev/null' USR1\ntrap 'kill -TERM $step 2>/dev/null' TERM\n");
        s.Append("while kill -0 $step 2>/dev/null; do wait $step; done\nwait $step\nstatus=$?\n");
        s.Append("echo \"=== exit code $status, ended $(date +%s.%N)\"\n");
        s.Append($"if [ $status -eq {StepSpec.StoppedToRunAgain} ] && [ -n \"${{warned:-}}\" ]; then " +
            "echo \"=== stopped at a checkpoint before the time limit: requeueing Slurm job $SLURM_JOB_ID\"; scontrol requeue \"$SLURM_JOB_ID\"; fi\n" +
            "exit $status\n");
        return s.ToString();
    }

    /// <summary>What the job asks of the cluster: the options of the task's resources (also what --dryrun shows).</summary>
    public static IEnumerable<string> Resources(int cpus, TaskResources r)
    {
        yield return $"--cpus-per-task={cpus}";
        if (r.Memory is { } memory)
            yield return $"--mem={memory}";
        if (r.Gpus is > 0 and var gpus)
            yield return $"--gres=gpu:{gpus}";
        if (r.Time is { } time)
            yield return $"--time={time}";
        if (r.Partition is { } partition)
            yield return $"--partition={partition}";
        if (r.Account is { } account)
            yield return $"--account={account}";
        foreach (var option in r.Options ?? [])
            yield return option;
    }

    static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
