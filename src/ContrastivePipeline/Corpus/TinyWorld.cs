namespace ContrastivePipeline.Corpus;

/// <summary>
/// <c>builtin:tinyworld</c>: simple English in the BabyLM spirit (stories, dialogue, facts), generated from a seed
/// alone, so the same seed gives the same corpus on any machine; plus agreement and entity-tracking probes in the
/// BabyLM evaluation formats, drawn from the same small world.
/// </summary>
internal static class TinyWorld
{
    public const string Stories = "stories", Dialogue = "dialogue", Facts = "facts";

    /// <summary>
    /// About <paramref name="words"/> words (whole sentences, so a little under), split 55/20/25 between stories,
    /// dialogue and facts; writes the probes into <paramref name="probesFolder"/>.
    /// </summary>
    public static List<Source> Generate(int seed, int words, string probesFolder)
    {
        var random = new Random(seed);
        var facts = new TinyWorldFacts(seed);
        (string Name, double Share, Func<Random, TinyWorldDocument> Write)[] genres =
        [
            (Stories, 0.55, TinyWorldStory.Write),
            (Dialogue, 0.20, TinyWorldDialogue.Write),
            (Facts, 0.25, facts.Write),
        ];
        var sources = new List<Source>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int written = 0, share = 0;
        foreach (var (name, fraction, write) in genres)
        {
            var genre = new Random(random.Next());
            var documents = new List<string>();
            share += (int)Math.Round(words * fraction);
            while (written < share)
            {
                var document = write(genre);
                if (written + document.Words > share)
                    document = document.Truncate(share - written);
                if (document.Words == 0)
                    break;
                written += document.Words;
                documents.Add(document.ToString());
                seen.UnionWith(document.Sentences);
            }
            sources.Add(new Source(name, documents));
        }
        TinyWorldProbes.Write(new Random(random.Next()), probesFolder, seen);
        return sources;
    }
}
