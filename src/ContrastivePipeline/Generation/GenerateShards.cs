using System.Diagnostics;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.TensorBoard;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Generation;

/// <summary>
/// The prompts cut into <c>shards</c> contiguous ranges, each written as <c>shards/shard_NNNN.txt</c> and then its
/// <c>.json</c> counts, both through a temporary file and a rename: a shard with its counts file is finished and is
/// skipped by a rerun. Batches never cross a shard, and a sample's tokens do not depend on its batch, so the corpus
/// is the same for any number of shards and any batch size.
/// </summary>
internal sealed class GenerateShards(string outputFolder, GenerateConfig config, int seed, int prompts)
{
    readonly string folder = Path.Combine(outputFolder, "shards");

    public IEnumerable<string> TextFiles => Enumerable.Range(0, config.Shards).Select(i => Text(i));

    public (int Start, int End) Range(int shard) =>
        ((int)((long)prompts * shard / config.Shards), (int)((long)prompts * (shard + 1) / config.Shards));

    /// <param name="events">Where the curves go (samples so far, tokens, speed); null writes none.</param>
    public ShardCounts Run(GenerationLoop loop, Func<int, int[]> prompt, BpeEncoder encoder, Action<string> log, EventWriter? events = null)
    {
        Directory.CreateDirectory(folder);
        var total = ShardCounts.Empty;
        var finished = Enumerable.Range(0, config.Shards).Where(i => File.Exists(Counts(i)) && Kept(i, log)).ToList();
        if (finished.Count > 0)
            log($"resuming: {finished.Count} of {config.Shards} shards already written");
        var progress = new GenerateProgress(prompts, finished.Sum(i => Range(i).End - Range(i).Start), log);
        var done = finished.Select(i => Json.Read<ShardCounts>(Counts(i))).Aggregate(ShardCounts.Empty, (a, b) => a.Plus(b));
        var curves = events is null ? null : new GenerateCurves(events, done);
        for (var shard = 0; shard < config.Shards; shard++)
        {
            var counts = File.Exists(Counts(shard)) ? Json.Read<ShardCounts>(Counts(shard)) : Generate(shard, loop, prompt, encoder, progress, curves);
            total = total.Plus(counts);
        }
        return total;
    }

    ShardCounts Generate(int shard, GenerationLoop loop, Func<int, int[]> prompt, BpeEncoder encoder, GenerateProgress progress, GenerateCurves? curves)
    {
        var clock = Stopwatch.StartNew();
        var (start, end) = Range(shard);
        var perBatch = Math.Max(1, config.BatchSize / config.Continuations);
        var counts = ShardCounts.Empty;
        AtomicFile.Write(Text(shard), tmp =>
        {
            using var writer = new StreamWriter(tmp);
            var first = true;
            for (var at = start; at < end; at += perBatch)
            {
                var indices = Enumerable.Range(at, Math.Min(perBatch, end - at));
                var batch = PromptBatch.Build(indices.Select(i => (i, prompt(i))), config.PrefixTokens, config.Continuations);
                var generated = loop.Run(batch, config.NewTokens, seed);
                for (var r = 0; r < batch.Rows.Count; r++)
                {
                    var text = encoder.Decode(SyntheticText.Ids(batch.Rows[r].Prefix, generated.Tokens[r], config.KeepPrefix));
                    foreach (var document in SyntheticText.Documents(text))
                    {
                        writer.Write(first ? document : "\n\n" + document);
                        first = false;
                    }
                }
                var batchCounts = new ShardCounts(indices.Count(), batch.Rows.Count,
                    config.KeepPrefix ? batch.Rows.Sum(r => (long)r.Prefix.Length) : 0,
                    (long)batch.Rows.Count * config.NewTokens, generated.OutsideHead, 0);
                counts = counts.Plus(batchCounts);
                progress.Report(batchCounts.Prompts, batchCounts.GeneratedTokens);
                curves?.Batch(batchCounts);
            }
            if (!first)
                writer.Write('\n');
        });
        counts = counts with { Seconds = clock.Elapsed.TotalSeconds, Text = Hash.OfFile(Text(shard)) };
        SealedJson.Write(Counts(shard), counts);
        progress.Report(0, 0, force: true);
        return counts;
    }

    /// <summary>
    /// Whether a finished shard's counts file matches its seal and its text the hash it recorded; a damaged one is discarded (shards
    /// are independent, so only it is generated again).
    /// </summary>
    bool Kept(int shard, Action<string> log)
    {
        var seal = SealedJson.Damage(Counts(shard));
        var recorded = seal is null ? Json.Read<ShardCounts>(Counts(shard)).Text : null;
        var damage = seal is not null ? seal
            : recorded is null ? $"{Path.GetFileName(Counts(shard))} records no hash"
            : !File.Exists(Text(shard)) ? $"{Path.GetFileName(Text(shard))} is missing"
            : Hash.OfFile(Text(shard)) != recorded ? $"{Path.GetFileName(Text(shard))} does not match the hash its counts file recorded"
            : null;
        if (damage is null)
            return true;
        log($"shard {shard} in {folder} is damaged ({damage}): discarded it; generating it again");
        File.Delete(Counts(shard));
        return false;
    }

    string Text(int shard) => Path.Combine(folder, $"shard_{shard:D4}.txt");

    string Counts(int shard) => Path.Combine(folder, $"shard_{shard:D4}.json");
}
