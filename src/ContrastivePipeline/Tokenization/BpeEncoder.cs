using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Encodes and decodes through Microsoft.ML.Tokenizers, loaded from the files the Tokenize step wrote: byte-level BPE
/// from vocab.json and merges.txt, the SentencePiece kind from tokenizer.json; the special tokens are matched in the
/// text before anything else.
/// Each thread gets its own BpeTokenizer: the library's word cache takes a lock on every lookup, which serialised
/// the parallel encoder.
/// </summary>
internal sealed class BpeEncoder
{
    readonly ThreadLocal<BpeTokenizer> tokenizers;
    readonly BpeKind kind;

    BpeEncoder(BpeKind kind, Func<BpeTokenizer> create, int vocabSize, string hash)
    {
        this.kind = kind;
        tokenizers = new ThreadLocal<BpeTokenizer>(create);
        VocabSize = vocabSize;
        Hash = hash;
    }

    public int VocabSize { get; }

    /// <summary>Content hash of the files the tokenizer was loaded from; shards record it so a mismatched pair is caught.</summary>
    public string Hash { get; }

    public static BpeEncoder Load(string folder)
    {
        var tokenizerPath = Path.Combine(folder, BpeFiles.Tokenizer);
        var tokenizerText = File.ReadAllText(tokenizerPath);
        var tokenizerJson = JsonNode.Parse(tokenizerText) ?? throw new InvalidDataException($"{tokenizerPath}: empty");
        var kind = BpeKind.Of(tokenizerJson);
        if (kind != BpeKind.ByteLevel)
        {
            var model = tokenizerJson["model"]!;
            var vocab = model["vocab"].Deserialize<Dictionary<string, int>>() ?? throw new InvalidDataException($"{tokenizerPath}: no vocab");
            var merges = model["merges"]!.AsArray().Select(m => $"{(string)m![0]!} {(string)m[1]!}").ToList();
            return new BpeEncoder(kind, () => kind.Create(vocab, merges), vocab.Count, Artifacts.Hash.OfParts(tokenizerText));
        }
        var vocabPath = Path.Combine(folder, BpeFiles.Vocab);
        var mergesPath = Path.Combine(folder, BpeFiles.Merges);
        var byteVocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabPath))
            ?? throw new InvalidDataException($"{vocabPath}: empty");
        var byteMerges = File.ReadLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).ToList();
        var hash = Artifacts.Hash.OfParts(File.ReadAllText(vocabPath), File.ReadAllText(mergesPath));
        return new BpeEncoder(kind, () => kind.Create(byteVocab, byteMerges), byteVocab.Count, hash);
    }

    public IReadOnlyList<int> Encode(string text) =>
        tokenizers.Value!.EncodeToIds(kind.Normalize(text), considerPreTokenization: true, considerNormalization: false);

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

    public string Decode(IEnumerable<int> ids) => kind.Decode(tokenizers.Value!, ids);
}
