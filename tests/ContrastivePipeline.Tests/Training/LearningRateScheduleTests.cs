using ContrastivePipeline.Configuration;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

public sealed class LearningRateScheduleTests
{
    static readonly TrainConfig Paper = new() { Steps = 8000, WarmupSteps = 150, LearningRate = 1e-3 };

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(75, 5e-4)]
    [InlineData(150, 1e-3)]
    [InlineData(4075, 5e-4)]
    [InlineData(8000, 0.0)]
    public void At_FollowsLinearWarmup_ThenCosineToZero(long step, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.At(step, Paper), precision: 12);

    [Fact]
    public void At_Decreases_AfterWarmup() =>
        Assert.True(Enumerable.Range(150, 7850).All(s => LearningRateSchedule.At(s + 1, Paper) <= LearningRateSchedule.At(s, Paper)));
}
