using System.Diagnostics;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Cluster;

/// <summary>The cluster `.ci/slurm-cluster` starts behaves as the Slurm executor's tests assume (../shared/SLURM.md).</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmClusterTests
{
    [SlurmFact]
    public void TwoJobsAskingForAGpuEach_SeeADifferentCudaVisibleDevices()
    {
        using var folder = new TempFolder();
        // Each job waits for the other's file, so both hold their GPU at the same time (the second may first wait for a
        // CPU that other jobs hold).
        var ids = new[] { "a", "b" }.Select(name => Run("sbatch", "--parsable", "--gres=gpu:1", "--job-name=cp-test-gpu",
            $"--output={folder.Path}/{name}.out",
            $"--wrap=echo $CUDA_VISIBLE_DEVICES; touch {name}.ready; for i in $(seq 600); do [ -e a.ready ] && [ -e b.ready ] && break; sleep 0.2; done",
            $"--chdir={folder.Path}")).ToList();

        var states = WaitForEnd(ids, TimeSpan.FromSeconds(180));

        Assert.All(states, state => Assert.Equal("COMPLETED", state));
        var devices = new[] { "a", "b" }.Select(name => File.ReadAllText(Path.Combine(folder.Path, $"{name}.out")).Trim()).Order();
        Assert.Equal(["0", "1"], devices);
    }

    [SlurmFact]
    public void AJobAskingForMoreCpusThanTheNodeHas_IsRefusedAtSubmission()
    {
        var (code, output) = ShellCommand.Exec("sbatch", "--parsable", "--cpus-per-task=4096", "--wrap=true");

        Assert.NotEqual(0, code);
        Assert.Contains("More processors requested than permitted", output);
    }

    /// <summary>States of the jobs once none is pending or running; finished jobs stay listed (MinJobAge, `-t all`).</summary>
    static List<string> WaitForEnd(List<string> ids, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = Run("squeue", "-h", "-t", "all", "-j", string.Join(',', ids), "-o", "%T")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (states.Count == ids.Count && states.All(s => s is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING")))
                return states;
            Assert.True(clock.Elapsed < limit, $"jobs {string.Join(',', ids)} still {string.Join(',', states)} after {limit}");
            Thread.Sleep(250);
        }
    }

    static string Run(string program, params string[] arguments)
    {
        var (code, output) = ShellCommand.Exec(program, arguments);
        Assert.True(code == 0, $"{program} {string.Join(' ', arguments)} failed ({code}): {output}");
        return output.Trim();
    }
}
