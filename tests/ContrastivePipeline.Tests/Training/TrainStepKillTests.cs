using System.Diagnostics;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Training;

/// <summary>The Train step as a real child process, killed (SIGKILL) after its first checkpoint and started again.</summary>
public sealed class TrainStepKillTests : IDisposable
{
    const int Steps = 400;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_step_killed_mid_run_finishes_with_the_weights_of_an_uninterrupted_run()
    {
        var tokens = TinyTrainStep.WriteTokens(temp.Path);
        var whole = TinyTrainStep.Spec(temp.Path, "whole", tokens, Steps, checkpointEvery: 20);
        var killed = TinyTrainStep.Spec(temp.Path, "killed", tokens, Steps, checkpointEvery: 20);
        Assert.Equal(0, TinyTrainStep.RunToEnd(whole).ExitCode);

        using (var process = TinyTrainStep.Start(killed))
        {
            var stepFolders = Directory.CreateDirectory(Path.Combine(temp.Path, "killed")).FullName;
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120) && !Directory
                .EnumerateDirectories(stepFolders, "step_000020", SearchOption.AllDirectories).Any())
                Thread.Sleep(5);
            Assert.False(process.HasExited, "the step ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var (exitCode, output) = TinyTrainStep.RunToEnd(killed);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, line => line.Contains("resumed from") && line.Contains("step_0000"));

        Assert.Equal(File.ReadAllBytes(Final("whole")), File.ReadAllBytes(Final("killed")));
    }

    string Final(string name) => TinyTrainStep.Final(temp.Path, name, Steps);
}
