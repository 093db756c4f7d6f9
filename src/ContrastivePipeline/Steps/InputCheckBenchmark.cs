using System.Diagnostics;
using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Steps;

/// <summary>
/// `input-check-benchmark &lt;file&gt;...`: what the check of an input against its manifest costs per file (one XxHash128
/// pass over it, as <see cref="InputCheck"/> does), as one JSON line per file.
/// </summary>
internal static class InputCheckBenchmark
{
    public static int Command(string[] files)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("usage: ContrastivePipeline input-check-benchmark <file>... (e.g. a GOOD checkpoint's model.bin)");
            return 2;
        }
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            Hash.OfFile(file);
            var seconds = clock.Elapsed.TotalSeconds;
            var bytes = new FileInfo(file).Length;
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { file, bytes, seconds, gb_per_s = bytes / 1e9 / seconds }));
        }
        return 0;
    }
}
