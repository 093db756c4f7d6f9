using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Writes a trained BPE in the Hugging Face formats: <c>vocab.json</c> + <c>merges.txt</c> (what GPT-2 ships and
/// Microsoft.ML.Tokenizers loads) and <c>tokenizer.json</c> (what the tokenizers library and transformers load).
/// The SentencePiece kind writes no merges.txt: its tokens may hold a newline (Metaspace splits only at spaces), which
/// a line-per-merge file cannot carry, so its merges live in tokenizer.json as pairs, as tokenizers 0.21 writes them.
/// </summary>
internal static class BpeFiles
{
    public const string Vocab = "vocab.json", Merges = "merges.txt", Tokenizer = "tokenizer.json";

    static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string folder, BpeVocabulary vocabulary) => Write(folder, vocabulary, BpeKind.ByteLevel);

    public static void Write(string folder, BpeVocabulary vocabulary, BpeKind kind)
    {
        File.WriteAllText(Path.Combine(folder, Vocab), VocabJson(vocabulary).ToJsonString(Readable) + "\n");
        if (kind == BpeKind.ByteLevel)
            File.WriteAllLines(Path.Combine(folder, Merges), ["#version: 0.2", .. vocabulary.MergeLines()]);
        File.WriteAllText(Path.Combine(folder, Tokenizer), TokenizerJson(vocabulary, kind).ToJsonString(Readable) + "\n");
    }

    /// <summary>Reads vocab.json (token -> id) and merges.txt back into a vocabulary.</summary>
    public static BpeVocabulary Read(string folder)
    {
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(folder, Vocab)))
            ?? throw new InvalidDataException($"{Path.Combine(folder, Vocab)}: empty");
        var tokens = vocab.OrderBy(p => p.Value).Select(p => p.Key).ToList();
        var merges = File.ReadLines(Path.Combine(folder, Merges))
            .Where(line => line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal))
            .Select(line => line.Split(' '))
            .Select(pair => new BpeMerge(vocab[pair[0]], vocab[pair[1]], vocab[pair[0] + pair[1]]))
            .ToList();
        return new BpeVocabulary(tokens, merges);
    }

    static JsonObject VocabJson(BpeVocabulary vocabulary)
    {
        var vocab = new JsonObject();
        for (var id = 0; id < vocabulary.Tokens.Count; id++)
            vocab[vocabulary.Tokens[id]] = id;
        return vocab;
    }

    static JsonObject TokenizerJson(BpeVocabulary vocabulary, BpeKind kind)
    {
        var (normalizer, preTokenizer, decoder, unknown) = kind.Json();
        JsonArray merges = kind == BpeKind.ByteLevel
            ? [.. vocabulary.MergeLines().Select(line => (JsonNode)line!)]
            : [.. vocabulary.Merges.Select(m => (JsonNode)new JsonArray(vocabulary.Tokens[m.Left], vocabulary.Tokens[m.Right]))];
        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray([.. SpecialTokens.Texts.Select((text, id) => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["content"] = text,
                ["single_word"] = false,
                ["lstrip"] = false,
                ["rstrip"] = false,
                ["normalized"] = false,
                ["special"] = true,
            })]),
            ["normalizer"] = normalizer,
            ["pre_tokenizer"] = preTokenizer,
            ["post_processor"] = null,
            ["decoder"] = decoder,
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = unknown,
                ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null,
                ["fuse_unk"] = false,
                ["byte_fallback"] = false,
                ["ignore_merges"] = false,
                ["vocab"] = VocabJson(vocabulary),
                ["merges"] = merges,
            },
        };
    }
}
