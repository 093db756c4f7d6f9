using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Training;

/// <summary>
/// HF <c>get_cosine_schedule_with_warmup</c> as the paper's code steps it: optimiser step s (0-based) uses
/// peak x s / warmup during warm-up (so step 0 moves nothing), then a half cosine that reaches 0 at the last step.
/// </summary>
internal static class LearningRateSchedule
{
    public static double At(long step, TrainConfig config)
    {
        if (step < config.WarmupSteps)
            return config.LearningRate * step / config.WarmupSteps;
        var decaySteps = Math.Max(1, config.Steps - config.WarmupSteps);
        var progress = (double)(step - config.WarmupSteps) / decaySteps;
        return config.LearningRate * Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * progress)));
    }
}
