using System.Diagnostics;
using System.Text;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Encodes documents on all threads, a chunk at a time, and hands them to <c>sink</c> in input order, so the shards
/// are the same whatever the thread count. Prints a progress line with tokens/s every few seconds.
/// </summary>
internal static class ParallelEncoder
{
    const int ChunkPerThread = 512;
    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static EncodeCounts Encode(IReadOnlyList<string> documents, Func<string, int[]> encode, int threads,
        Action<int[]> sink, Action<string>? progress = null)
    {
        threads = Math.Max(1, threads);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var chunk = new int[threads * ChunkPerThread][];
        long tokens = 0, bytes = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        for (var start = 0; start < documents.Count; start += chunk.Length)
        {
            var count = Math.Min(chunk.Length, documents.Count - start);
            Parallel.For(0, count, options, i => chunk[i] = encode(documents[start + i]));
            for (var i = 0; i < count; i++)
            {
                sink(chunk[i]);
                tokens += chunk[i].Length;
                bytes += Encoding.UTF8.GetByteCount(documents[start + i]);
            }
            if (progress is not null && clock.Elapsed - lastReport >= ProgressEvery)
            {
                lastReport = clock.Elapsed;
                progress($"encoded {start + count:N0}/{documents.Count:N0} documents, {tokens:N0} tokens, " +
                    $"{tokens / clock.Elapsed.TotalSeconds:N0} tokens/s");
            }
        }
        return new EncodeCounts(documents.Count, tokens, bytes, clock.Elapsed.TotalSeconds);
    }
}
