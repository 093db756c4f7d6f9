using static TorchSharp.torch;

namespace ContrastivePipeline.Evaluation;

/// <summary>
/// Runs independent inference batches on <c>workers</c> threads with one libtorch thread each (each takes the next
/// batch), or on the calling thread when <c>workers</c> is 1. With 2 cores this beats one batch at a time on 2 libtorch
/// threads: every 2-thread kernel ends in an OpenMP barrier, and on a shared machine that barrier waits for a
/// descheduled thread, once per kernel (BENCHMARKS.md, "Evaluation"). Batches must write disjoint results.
/// </summary>
internal static class ParallelBatches
{
    public static void Run(int count, int workers, Action<int> batch)
    {
        if (workers <= 1)
        {
            using var _ = no_grad();
            for (var i = 0; i < count; i++)
                batch(i);
            return;
        }
        var threads = get_num_threads();
        var next = -1;
        var errors = new Exception?[workers];
        var running = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            try
            {
                set_num_threads(1);
                using var _ = no_grad();
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    batch(i);
            }
            catch (Exception e)
            {
                errors[w] = e;
                Interlocked.Exchange(ref next, count);
            }
        })).ToList();
        running.ForEach(t => t.Start());
        running.ForEach(t => t.Join());
        set_num_threads(threads); // libtorch keeps the count process-wide for threads it has not seen yet
        if (errors.FirstOrDefault(e => e is not null) is { } error)
            throw new InvalidOperationException($"a batch failed: {error.Message}", error);
    }
}
