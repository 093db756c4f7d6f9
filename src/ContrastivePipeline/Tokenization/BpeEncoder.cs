using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Encodes and decodes through Microsoft.ML.Tokenizers, loaded from the vocab.json and merges.txt we wrote: byte-level,
/// GPT-2 pre-tokenisation, and the special tokens matched in the text before anything else.
/// Each thread gets its own BpeTokenizer: the library's word cache takes a lock on every lookup, which serialised
/// the parallel encoder.
/// </summary>
internal sealed class BpeEncoder
{
    readonly ThreadLocal<BpeTokenizer> tokenizers;

    BpeEncoder(Func<BpeTokenizer> create, int vocabSize, string hash)
    {
        tokenizers = new ThreadLocal<BpeTokenizer>(create);
        VocabSize = vocabSize;
        Hash = hash;
    }

    public int VocabSize { get; }

    /// <summary>Content hash of vocab.json and merges.txt; shards record it so a mismatched pair is caught.</summary>
    public string Hash { get; }

    public static BpeEncoder Load(string folder)
    {
        var vocabPath = Path.Combine(folder, BpeFiles.Vocab);
        var mergesPath = Path.Combine(folder, BpeFiles.Merges);
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabPath))
            ?? throw new InvalidDataException($"{vocabPath}: empty");
        var specials = SpecialTokens.Ids();
        var merges = File.ReadLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).ToList();
        var hash = Artifacts.Hash.OfParts(File.ReadAllText(vocabPath), File.ReadAllText(mergesPath));
        return new BpeEncoder(() => BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(Gpt2PreTokenizer.Regex(), specials),
            SpecialTokens = specials,
        }), vocab.Count, hash);
    }

    public IReadOnlyList<int> Encode(string text) =>
        tokenizers.Value!.EncodeToIds(text, considerPreTokenization: true, considerNormalization: false);

    /// <summary>A document as the language model sees it: <c>&lt;s&gt; text &lt;/s&gt;</c>.</summary>
    public int[] EncodeDocument(string text)
    {
        var ids = Encode(text);
        var document = new int[ids.Count + 2];
        document[0] = SpecialTokens.Bos;
        for (var i = 0; i < ids.Count; i++)
            document[i + 1] = ids[i];
        document[^1] = SpecialTokens.Eos;
        return document;
    }

    /// <summary>A seed prompt: <c>&lt;s&gt; text</c>, left open for the model to continue.</summary>
    public int[] EncodePrompt(string text) => [SpecialTokens.Bos, .. Encode(text)];

    public string Decode(IEnumerable<int> ids) => tokenizers.Value!.Decode(ids, considerSpecialTokens: true);
}
