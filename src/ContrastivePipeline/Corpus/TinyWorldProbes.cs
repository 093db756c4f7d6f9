using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// Evaluation probes of the built-in corpus, in the BabyLM 2025 formats (field names and order as in
/// <c>evaluation_data/full_eval</c>): agreement minimal pairs in BLiMP's JSONL and box-tracking items in the
/// entity-tracking JSONL. Sentences follow the patterns of the training text but are never copies of its sentences.
/// </summary>
internal static class TinyWorldProbes
{
    public const string SubjectVerb = "tinyworld_subject_verb_agreement", DeterminerNoun = "tinyworld_determiner_noun_agreement",
        Boxes = "tinyworld_boxes";

    public const int PairCount = 300, ItemsPerNumops = 50, MaxNumops = 5;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Random random, string folder, IReadOnlySet<string> seen)
    {
        var blimp = Directory.CreateDirectory(Path.Combine(folder, "blimp_filtered")).FullName;
        var tracking = Directory.CreateDirectory(Path.Combine(folder, "entity_tracking")).FullName;
        var sentences = new TinyWorldAgreement(random);
        // As in BLiMP: a noun and its plural count as the same word, "is" and "are" do not.
        WritePairs(Path.Combine(blimp, SubjectVerb + ".jsonl"), SubjectVerb, "subject_verb_agreement",
            lexicallyIdentical: false, Distinct(sentences.SubjectVerb, seen));
        WritePairs(Path.Combine(blimp, DeterminerNoun + ".jsonl"), DeterminerNoun, "determiner_noun_agreement",
            lexicallyIdentical: true, Distinct(sentences.DeterminerNoun, seen));
        var boxes = new TinyWorldBoxes(random);
        var items = Enumerable.Range(0, (MaxNumops + 1) * ItemsPerNumops)
            .Select(i => boxes.Item(numops: i / ItemsPerNumops))
            .Select((item, i) => Line(json =>
            {
                json.WriteNumber("sample_id", i);
                json.WriteNumber("numops", item.Numops);
                json.WriteString("input_prefix", item.Prefix);
                json.WriteStartArray("options");
                item.Options.ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteNumber("example_id", i);
            }));
        File.WriteAllLines(Path.Combine(tracking, Boxes + ".jsonl"), items);
    }

    /// <summary>Pairs whose good sentence is new: not a training sentence and not an earlier probe.</summary>
    private static List<(string Good, string Bad)> Distinct(Func<(string Good, string Bad)> make, IReadOnlySet<string> seen)
    {
        var pairs = new List<(string Good, string Bad)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var tries = 0; pairs.Count < PairCount && tries < PairCount * 100; tries++)
        {
            var pair = make();
            if (!seen.Contains(pair.Good) && used.Add(pair.Good))
                pairs.Add(pair);
        }
        return pairs;
    }

    private static void WritePairs(string path, string uid, string term, bool lexicallyIdentical,
        List<(string Good, string Bad)> pairs) =>
        File.WriteAllLines(path, pairs.Select((pair, i) => Line(json =>
        {
            json.WriteString("sentence_good", pair.Good);
            json.WriteString("sentence_bad", pair.Bad);
            json.WriteString("field", "morphology");
            json.WriteString("linguistics_term", term);
            json.WriteString("UID", uid);
            json.WriteBoolean("simple_LM_method", true);
            json.WriteBoolean("one_prefix_method", true);
            json.WriteBoolean("two_prefix_method", false);
            json.WriteBoolean("lexically_identical", lexicallyIdentical);
            json.WriteNumber("pair_id", i);
        })));

    private static string Line(Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
