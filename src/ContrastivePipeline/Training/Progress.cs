namespace ContrastivePipeline.Training;

/// <summary>The human progress line: loss, speed and time left, at most every few seconds and at every checkpoint.</summary>
internal sealed class Progress(long totalSteps, long startStep, Action<string> log)
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    DateTime lastPrint = DateTime.MinValue;
    TimeSpan spent;
    long steps;

    public void Report(StepMetrics metrics, TimeSpan stepTime, bool force)
    {
        spent += stepTime;
        steps++;
        if (!force && DateTime.UtcNow - lastPrint < Every && metrics.Step != startStep + 1)
            return;
        lastPrint = DateTime.UtcNow;
        var eta = TimeSpan.FromSeconds(spent.TotalSeconds / steps * (totalSteps - metrics.Step));
        log($"step {metrics.Step}/{totalSteps} | loss {metrics.Loss:F4} | lr {metrics.LearningRate:E2} | " +
            $"grad norm {metrics.GradNorm:F2} | {metrics.TokensPerS:N0} tok/s | eta {eta:hh\\:mm\\:ss}");
    }
}
