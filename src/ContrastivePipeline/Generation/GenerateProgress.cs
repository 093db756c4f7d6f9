using System.Diagnostics;

namespace ContrastivePipeline.Generation;

/// <summary>The human progress line: prompts done, sampled tokens per second and time left, at most every few seconds.</summary>
internal sealed class GenerateProgress(int totalPrompts, int donePrompts, Action<string> log)
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    readonly Stopwatch clock = Stopwatch.StartNew();
    TimeSpan lastPrint = -Every;
    int prompts = donePrompts;
    int promptsThisRun;
    long tokensThisRun;

    public void Report(int batchPrompts, long batchTokens, bool force = false)
    {
        prompts += batchPrompts;
        promptsThisRun += batchPrompts;
        tokensThisRun += batchTokens;
        if (!force && clock.Elapsed - lastPrint < Every)
            return;
        lastPrint = clock.Elapsed;
        var seconds = clock.Elapsed.TotalSeconds;
        var eta = TimeSpan.FromSeconds(seconds / Math.Max(1, promptsThisRun) * (totalPrompts - prompts));
        log($"prompts {prompts:N0}/{totalPrompts:N0} | {tokensThisRun / seconds:N0} tok/s | eta {eta:hh\\:mm\\:ss}");
    }
}
