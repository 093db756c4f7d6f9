using System.Diagnostics;
using System.Text.Json;
using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The tokenizer benchmark (benchmarks/tokenizer.sh): trains on every *.txt of a corpus folder, then encodes all of
/// it through the step's own path (parallel encoder into a block shard). Prints one JSON line.
/// </summary>
public static class TokenizerBenchmark
{
    /// <summary>The hidden verb <c>tokenizer-benchmark &lt;corpus-folder&gt; [vocab-size] [threads]</c>.</summary>
    public static int Command(string[] args)
    {
        if (args.Length is < 1 or > 3)
        {
            Console.Error.WriteLine("usage: ContrastivePipeline tokenizer-benchmark <corpus-folder> [vocab-size=8192] [threads=all cores]");
            return 2;
        }
        var vocabSize = args.Length > 1 ? int.Parse(args[1]) : 8192;
        var threads = args.Length > 2 ? int.Parse(args[2]) : Environment.ProcessorCount;
        Console.WriteLine(Run(args[0], vocabSize, threads));
        return 0;
    }

    /// <summary>Returns the result as one JSON line: corpus size, training seconds (reading the files included), encoding MB/s.</summary>
    public static string Run(string corpusFolder, int vocabSize, int threads)
    {
        var files = Directory.GetFiles(corpusFolder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var corpusBytes = files.Sum(f => new FileInfo(f).Length);
        var folder = Directory.CreateTempSubdirectory("tokenizer-benchmark-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var documents = files.SelectMany(Documents.Read).ToList();
            var vocabulary = BpeTrainer.Train(documents, vocabSize, threads);
            var trainSeconds = clock.Elapsed.TotalSeconds;

            BpeFiles.Write(folder, vocabulary);
            var encoder = BpeEncoder.Load(folder);
            using var writer = new TokenShardWriter(Path.Combine(folder, "train.bin"), encoder.VocabSize, 256, encoder.Hash);
            var encoded = ParallelEncoder.Encode(documents, encoder.EncodeDocument, threads, d => writer.Append(d));
            writer.Complete();

            return JsonSerializer.Serialize(new
            {
                side = "ours",
                corpus_mb = Math.Round(corpusBytes / 1e6, 2),
                documents = documents.Count,
                vocab_size = vocabulary.Tokens.Count,
                threads,
                train_seconds = Math.Round(trainSeconds, 3),
                encode_seconds = Math.Round(encoded.Seconds, 3),
                encode_mb_per_s = Math.Round(encoded.MegabytesPerSecond, 2),
                tokens = encoded.Tokens,
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
