using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Training;

/// <summary>The Train step as a real child process, killed (SIGKILL) after its first checkpoint and started again.</summary>
public sealed class TrainStepKillTests : IDisposable
{
    const int Steps = 400;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TrainStepKilledMidRun_FinishesWithTheWeightsOfAnUninterruptedRun()
    {
        var tokens = TinyTrainStep.WriteTokens(temp.Path);
        var whole = TinyTrainStep.Spec(temp.Path, "whole", tokens, Steps, checkpointEvery: 20);
        var killed = TinyTrainStep.Spec(temp.Path, "killed", tokens, Steps, checkpointEvery: 20);
        Assert.Equal(0, TinyTrainStep.RunToEnd(whole).ExitCode);

        TinyTrainStep.KillAfterStep20(temp.Path, "killed", killed);
        var (exitCode, output) = TinyTrainStep.RunToEnd(killed);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, line => line.Contains("resumed from") && line.Contains("step_0000"));

        Assert.Equal(File.ReadAllBytes(Final("whole")), File.ReadAllBytes(Final("killed")));
    }

    string Final(string name) => TinyTrainStep.Final(temp.Path, name, Steps);
}
