using ContrastivePipeline.TensorBoard;

namespace ContrastivePipeline.Training;

/// <summary>A training run's TensorBoard curves, a point per optimiser step as it completes (with the speed, which is not stored).</summary>
/// <param name="syntheticShare">The synthetic fraction of every batch of a mixed arm; null for real data only.</param>
internal sealed class TrainCurves(EventWriter events, double? syntheticShare)
{
    bool started;

    public void Log(StepMetrics metrics)
    {
        if (!started)
        {
            // A resumed run: the points a killed attempt logged after its last checkpoint are dropped by TensorBoard.
            events.Start(metrics.Step);
            started = true;
        }
        Curves.Train(events, metrics.Step, metrics.Loss, metrics.LearningRate, metrics.GradNorm, syntheticShare);
        events.Scalar(Curves.TokensPerSecond, metrics.Step, metrics.TokensPerS);
        events.Flush();
    }
}
