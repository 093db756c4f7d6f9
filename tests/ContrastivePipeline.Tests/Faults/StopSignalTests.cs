using System.Globalization;
using System.Text.RegularExpressions;
using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>
/// SIGUSR1 to a local training step, as Slurm sends it before a time limit: the step saves a checkpoint at its next
/// optimizer step and exits to run again; the local host starts it again, and it resumes from that step.
/// </summary>
public sealed partial class StopSignalTests : IDisposable
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void SIGUSR1_ToATrainingStep_CheckpointsAtTheNextStep_TheHostStartsItAgain_AndItGivesTheBytesOfAnUndisturbedRun()
    {
        var experiment = temp.File("long.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")).Replace("steps: 40", "steps: 400"));
        var (stopped, undisturbed) = (Path.Combine(temp.Path, "stopped"), Path.Combine(temp.Path, "undisturbed"));
        string[] args = [$"--experiment={experiment}", "--target=TrainGood"];

        using (var host = new HostProcess(stopped, null, args))
        {
            host.WaitForLine("[TrainGood/base] step 20/400", Limit);
            var (_, children) = ShellCommand.Exec("ps", "--ppid", host.Id.ToString(CultureInfo.InvariantCulture), "-o", "pid=,args=");
            var step = children.Split('\n').Single(l => l.Contains(" step ", StringComparison.Ordinal)).Trim().Split(' ')[0];
            Assert.Equal(0, ShellCommand.Exec("kill", "-USR1", step).Code);

            Assert.True(host.WaitForExit(Limit) == 0, host.Output);
            var at = Stopped().Match(host.Output);
            Assert.True(at.Success, host.Output);
            var done = int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Contains("[TrainGood/base] stopped on a signal after a checkpoint (exit code 75); starting it again", host.Output);
            // The second start goes on from the very step the signal stopped: at most the step in flight was lost.
            Assert.Matches($@"\[TrainGood/base\] resumed from \S+step_{done:D6} \(step {done} of 400\)", host.Output);
        }
        var (exit, output) = HostProcess.Run(undisturbed, args);
        Assert.True(exit == 0, output);

        AssertSound(stopped);
        AssertSameOutputs(Outputs(undisturbed, "long"), Outputs(stopped, "long"));
    }

    [GeneratedRegex(@"SIGUSR1: stopped after step (\d+) of 400")]
    private static partial Regex Stopped();
}
