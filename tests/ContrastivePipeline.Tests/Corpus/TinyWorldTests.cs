using System.Text.Json;
using System.Text.RegularExpressions;
using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tests.Corpus;

public sealed class TinyWorldTests
{
    private const int Words = 200_000;

    private static readonly Lazy<(List<Source> Sources, string Probes)> Corpus = new(() => Generate(7, Words));

    private static (List<Source> Sources, string Probes) Generate(int seed, int words)
    {
        var probes = Directory.CreateTempSubdirectory("tinyworld-").FullName;
        return (TinyWorld.Generate(seed, words, probes), probes);
    }

    private static IEnumerable<string> AllDocuments(List<Source> sources) => sources.SelectMany(s => s.Documents);

    private static string Text(List<Source> sources) =>
        string.Join("\n\n", sources.Select(s => s.Name + "\n" + string.Join("\n\n", s.Documents)));

    private static string ProbeText(string folder) =>
        string.Concat(Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText));

    private static List<JsonElement> Probe(string file) =>
        File.ReadAllLines(Path.Combine(Corpus.Value.Probes, file)).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void CorpusAndProbes_AreIdenticalForTheSameSeed_AndDifferForAnother()
    {
        var (a, probesA) = Generate(3, 20_000);
        var (b, probesB) = Generate(3, 20_000);
        var (c, probesC) = Generate(4, 20_000);

        Assert.Equal(Text(a), Text(b));
        Assert.Equal(ProbeText(probesA), ProbeText(probesB));
        Assert.NotEqual(Text(a), Text(c));
        Assert.NotEqual(ProbeText(probesA), ProbeText(probesC));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(20_000)]
    [InlineData(Words)]
    public void WordCount_IsWithinFivePercentOfTheRequest(int words)
    {
        var sources = words == Words ? Corpus.Value.Sources : Generate(11, words).Sources;

        var total = AllDocuments(sources).Sum(Documents.Words);

        Assert.InRange(total, words * 0.95, words * 1.05);
    }

    [Fact]
    public void Corpus_HasStoriesDialogueAndFacts_AndMostStoriesAreLongEnoughForASeedPrompt()
    {
        var sources = Corpus.Value.Sources;
        var stories = sources.Single(s => s.Name == TinyWorld.Stories).Documents;

        Assert.Equal([TinyWorld.Stories, TinyWorld.Dialogue, TinyWorld.Facts], sources.Select(s => s.Name));
        Assert.All(sources, s => Assert.NotEmpty(s.Documents));
        Assert.True(stories.Count(d => Documents.Words(d) >= 100) > 0.8 * stories.Count);
    }

    [Fact]
    public void NoDocument_IsEmptyOrContainsAnEmptyLine()
    {
        var documents = AllDocuments(Corpus.Value.Sources).ToList();

        Assert.All(documents, d => Assert.DoesNotContain(d.Split('\n'), string.IsNullOrWhiteSpace));
        Assert.Equal(documents, Documents.Split(string.Join("\n\n", documents)));
    }

    [Fact]
    public void Vocabulary_HasAtLeastTwoThousandDistinctWords_NotCountingPossessives()
    {
        var vocabulary = AllDocuments(Corpus.Value.Sources)
            .SelectMany(d => d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', ',', '!', '?', '"', ':').ToLowerInvariant())
            .Where(w => w.Length > 0 && !w.EndsWith("'s", StringComparison.Ordinal))
            .ToHashSet();

        Assert.True(vocabulary.Count >= 2000, $"{vocabulary.Count} distinct words");
    }

    [Fact]
    public void ArticleBeforeAWord_MatchesItsFirstSound_ThroughoutTheCorpus()
    {
        var text = string.Join("\n", AllDocuments(Corpus.Value.Sources));

        var wrong = Regex.Matches(text, @"\b[Aa] (?!use|uni|uku)[aeiou]\w*|\b[Aa]n (?!honest|hour)[b-df-hj-np-tv-z]\w*")
            .Select(m => m.Value).Distinct().ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("tinyworld_subject_verb_agreement.jsonl")]
    [InlineData("tinyworld_determiner_noun_agreement.jsonl")]
    public void AgreementPairs_HaveBlimpFields_AndDifferInExactlyOneWord(string file)
    {
        var pairs = Probe(Path.Combine("blimp_filtered", file));

        Assert.InRange(pairs.Count, 200, 500);
        Assert.All(pairs, p =>
        {
            var good = p.GetProperty("sentence_good").GetString()!.Split(' ');
            var bad = p.GetProperty("sentence_bad").GetString()!.Split(' ');
            Assert.Equal(Path.GetFileNameWithoutExtension(file), p.GetProperty("UID").GetString());
            Assert.Equal(JsonValueKind.Number, p.GetProperty("pair_id").ValueKind);
            Assert.Equal(good.Length, bad.Length);
            Assert.Single(good.Zip(bad), w => w.First != w.Second);
        });
        Assert.Equal(pairs.Count, pairs.Select(p => p.GetProperty("pair_id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void GoodSentences_AgreeInNumber_AndBadOnesDoNot()
    {
        var singularVerbs = new HashSet<string> { "is", "was", "has", "lives", "eats" };
        var plurals = TinyWorldLexicon.Animals.SelectMany(a => a.Members)
            .Concat(TinyWorldLexicon.Things.SelectMany(t => t.Members))
            .Concat(TinyWorldLexicon.Foods.SelectMany(f => f.Members))
            .Select(English.Plural).Select(p => p.Split(' ')[^1]).ToHashSet();
        var subjectVerb = Probe(Path.Combine("blimp_filtered", "tinyworld_subject_verb_agreement.jsonl"));
        var determinerNoun = Probe(Path.Combine("blimp_filtered", "tinyworld_determiner_noun_agreement.jsonl"));

        Assert.All(subjectVerb, p =>
        {
            var (words, at, bad) = Difference(p);
            var pluralSubject = words.Take(at).Contains("and") || plurals.Contains(words[at - 1].ToLowerInvariant());
            Assert.Equal(!pluralSubject, singularVerbs.Contains(words[at]));
            Assert.Equal(pluralSubject, singularVerbs.Contains(bad));
        });
        Assert.All(determinerNoun, p =>
        {
            var (words, at, _) = Difference(p);
            var pluralDeterminer = words[..at].Any(w => w is "these" or "those");
            Assert.Equal(pluralDeterminer, plurals.Contains(words[at].TrimEnd('.')));
        });
    }

    [Fact]
    public void AgreementProbes_AreNotCopiesOfTrainingSentences()
    {
        var text = string.Join("\n", AllDocuments(Corpus.Value.Sources));
        var goods = new[] { "tinyworld_subject_verb_agreement.jsonl", "tinyworld_determiner_noun_agreement.jsonl" }
            .SelectMany(f => Probe(Path.Combine("blimp_filtered", f)))
            .Select(p => p.GetProperty("sentence_good").GetString()!);

        Assert.All(goods, good => Assert.DoesNotContain(good, text, StringComparison.Ordinal));
    }

    /// <summary>The good sentence's words, the index of the one word that differs and the bad sentence's word there.</summary>
    private static (string[] Good, int At, string Bad) Difference(JsonElement pair)
    {
        var good = pair.GetProperty("sentence_good").GetString()!.Split(' ');
        var bad = pair.GetProperty("sentence_bad").GetString()!.Split(' ');
        var at = Enumerable.Range(0, good.Length).Single(i => good[i] != bad[i]);
        return (good, at, bad[at]);
    }

    [Fact]
    public void EntityTrackingItems_HaveFiveDistinctOptions_AndTheFirstIsWhatTheBoxHolds()
    {
        var items = Probe(Path.Combine("entity_tracking", "tinyworld_boxes.jsonl"));

        Assert.InRange(items.Count, 200, 500);
        Assert.Equal(Enumerable.Range(0, 6), items.Select(i => i.GetProperty("numops").GetInt32()).Distinct().Order());
        Assert.All(items, item =>
        {
            var options = item.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
            Assert.Equal(5, options.Distinct().Count());
            Assert.Equal(JsonValueKind.Number, item.GetProperty("sample_id").ValueKind);
            var (answer, touching) = Replay(item.GetProperty("input_prefix").GetString()!);
            Assert.Equal(answer, options[0]);
            Assert.Equal(item.GetProperty("numops").GetInt32(), touching);
        });
    }

    /// <summary>The slow, obvious reading of an item: replays its operations and says what the asked box holds.</summary>
    private static (string Answer, int Touching) Replay(string prefix)
    {
        var sentences = prefix.Split(". ");
        var boxes = sentences[0].Split(", ").Select(s => Things(s[(s.IndexOf("contains ", StringComparison.Ordinal) + 9)..])).ToList();
        var asked = int.Parse(sentences[^1].Split(' ')[1]);
        var touching = 0;
        foreach (var op in sentences[1..^1])
        {
            var words = op.Split(' ');
            var numbers = words.Where((w, i) => i > 0 && words[i - 1] == "Box").Select(int.Parse).ToList();
            var things = Things(op[(op.IndexOf(' ') + 1)..op.IndexOf(words[0] == "Put" ? " into " : " from ", StringComparison.Ordinal)]);
            touching += numbers.Contains(asked) ? 1 : 0;
            if (words[0] != "Put")
                boxes[numbers[0]].RemoveAll(things.Contains);
            if (words[0] != "Remove")
                boxes[numbers[^1]].AddRange(things);
        }
        var held = boxes[asked].Order(StringComparer.Ordinal).Select(t => "the " + t).ToList();
        return ((held.Count == 0 ? "nothing" : string.Join(" and ", held)) + ".", touching);
    }

    private static List<string> Things(string list) =>
        list.TrimEnd('.') == "nothing" ? [] : list.TrimEnd('.').Split(" and ").Select(t => t[4..]).ToList();

    [Theory]
    [InlineData("mouse", "mice")]
    [InlineData("box", "boxes")]
    [InlineData("cherry", "cherries")]
    [InlineData("teddy bear", "teddy bears")]
    [InlineData("day", "days")]
    public void Plural_FollowsSpellingRulesAndIrregularForms(string noun, string plural) =>
        Assert.Equal(plural, English.Plural(noun));

    [Theory]
    [InlineData("stop", "stops", "stopped", "stopping")]
    [InlineData("swim", "swims", "swam", "swimming")]
    [InlineData("bake", "bakes", "baked", "baking")]
    [InlineData("cry", "cries", "cried", "crying")]
    [InlineData("watch", "watches", "watched", "watching")]
    [InlineData("visit", "visits", "visited", "visiting")]
    [InlineData("play", "plays", "played", "playing")]
    [InlineData("tidy up", "tidies up", "tidied up", "tidying up")]
    public void VerbForms_FollowSpellingRulesAndIrregularForms(string verb, string third, string past, string ing)
    {
        Assert.Equal(third, English.Third(verb));
        Assert.Equal(past, English.Past(verb));
        Assert.Equal(ing, English.Ing(verb));
    }

    [Theory]
    [InlineData("apple", "an apple")]
    [InlineData("red apple", "a red apple")]
    [InlineData("orange hat", "an orange hat")]
    [InlineData("ukulele", "a ukulele")]
    [InlineData("unicorn", "a unicorn")]
    public void Article_FollowsTheSoundOfTheNextWord(string phrase, string expected) =>
        Assert.Equal(expected, English.A(phrase));
}
