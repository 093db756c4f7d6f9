using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Generation;

/// <summary>Joins the shards' documents into one corpus file (one empty line between documents) and measures it.</summary>
internal static class CorpusWriter
{
    public static GenerateStats Write(string path, IEnumerable<string> shardFiles, DecodingStrategy strategy, ShardCounts counts)
    {
        var distinct = new Distinct();
        long documents = 0;
        AtomicFile.Write(path, tmp =>
        {
            using var writer = new StreamWriter(tmp);
            foreach (var document in shardFiles.SelectMany(Corpus.Documents.Read))
            {
                writer.Write(documents++ == 0 ? document : "\n\n" + document);
                distinct.Add(document);
            }
            if (documents > 0)
                writer.Write('\n');
        });
        var ratios = distinct.Ratios();
        var outside = !strategy.Head ? (double?)null
            : counts.GeneratedTokens == 0 ? 0.0 : (double)counts.OutsideHead / counts.GeneratedTokens;
        return new GenerateStats(strategy, counts.Prompts, counts.Samples, documents, counts.PrefixTokens, counts.GeneratedTokens,
            distinct.Words, documents == 0 ? 0 : (double)distinct.Words / documents, ratios[0], ratios[1], ratios[2], ratios[3],
            outside, counts.Seconds);
    }
}
