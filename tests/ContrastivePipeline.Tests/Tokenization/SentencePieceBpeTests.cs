using System.Text;
using System.Text.Json.Nodes;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>The paper's tokenizer kind (PAPER.md 3.2): SentencePiece-style BPE, written as a HF tokenizer.json.</summary>
public sealed class SentencePieceBpeTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("spbpe-").FullName;
    readonly BpeVocabulary vocabulary;
    readonly BpeEncoder encoder;

    public SentencePieceBpeTests()
    {
        vocabulary = BpeTrainer.Train(TinyCorpus.All, 2000, threads: 2, BpeKind.SentencePiece);
        BpeFiles.Write(folder, vocabulary, BpeKind.SentencePiece);
        encoder = BpeEncoder.Load(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void DecodeOfEncode_ReturnsEveryTinyDocument_AndNoUnk()
    {
        Assert.True(TinyCorpus.All.Count > 50);
        foreach (var document in TinyCorpus.All)
        {
            var ids = encoder.Encode(document);
            Assert.DoesNotContain(SpecialTokens.Unk, ids);
            Assert.Equal(document.Normalize(NormalizationForm.FormKC), encoder.Decode(ids));
        }
    }

    [Fact]
    public void TokenizerJson_HasTheShapeOfSentencePieceBPETokenizer()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, BpeFiles.Tokenizer)))!;
        Assert.Equal("NFKC", (string?)json["normalizer"]!["type"]);
        foreach (var part in new[] { "pre_tokenizer", "decoder" })
        {
            Assert.Equal("Metaspace", (string?)json[part]!["type"]);
            Assert.Equal("▁", (string?)json[part]!["replacement"]);
            Assert.Equal("always", (string?)json[part]!["prepend_scheme"]);
        }
        var model = json["model"]!;
        Assert.Equal(("BPE", "<unk>", false), ((string?)model["type"], (string?)model["unk_token"], (bool)model["byte_fallback"]!));
        Assert.Equal(["<unk>", "<s>", "</s>", "<pad>"], json["added_tokens"]!.AsArray().Select(t => (string)t!["content"]!));
        Assert.Equal([0, 1, 2, 3], json["added_tokens"]!.AsArray().Select(t => (int)t!["id"]!));
        Assert.Equal(2000, model["vocab"]!.AsObject().Count);
        Assert.False(File.Exists(Path.Combine(folder, BpeFiles.Merges)));
    }

    [Fact]
    public void Words_StartWithTheMetaspace_AndAnUnseenCharacterIsUnk()
    {
        var tokens = vocabulary.Tokens;
        var pieces = encoder.Encode("the dog").Select(id => tokens[id]).ToList();
        Assert.Equal("▁the▁dog", string.Concat(pieces));
        Assert.StartsWith("▁", pieces[0]);
        Assert.Contains(pieces, p => p.StartsWith("▁d", StringComparison.Ordinal));
        Assert.Equal(SpecialTokens.Unk, encoder.Encode("☃").Last()); // no byte fallback
    }

    [Fact]
    public void ByteLevel_StaysTheDefaultKind()
    {
        Assert.Equal(TokenizerKind.ByteLevel, new TokenizerConfig().Kind);
    }
}
