using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

public sealed class BpeEncoderTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("bpe-").FullName;
    readonly BpeVocabulary vocabulary;
    readonly BpeEncoder encoder;

    public BpeEncoderTests()
    {
        vocabulary = BpeTrainer.Train(TinyCorpus.All, 2000, threads: 2);
        BpeFiles.Write(folder, vocabulary);
        encoder = BpeEncoder.Load(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void MLTokenizers_EncodesEveryTinyDocumentExactlyAsTheReferenceEncoder()
    {
        var reference = new ReferenceEncoder(vocabulary);
        var documents = TinyCorpus.All;

        Assert.True(documents.Count > 50);
        foreach (var document in documents)
            Assert.Equal(reference.Encode(document), encoder.Encode(document));
    }

    [Fact]
    public void DecodeOfEncode_ReturnsEveryTinyDocumentUnchanged()
    {
        foreach (var document in TinyCorpus.All)
            Assert.Equal(document, encoder.Decode(encoder.Encode(document)));
    }

    [Theory]
    [InlineData("  two leading spaces,\ttabs\t\tand trailing   ")]
    [InlineData("emoji 🦆🦆, CJK 日本語, combining é, nul \0 and \r\n")]
    [InlineData("<s>")]
    public void OddStrings_RoundTrip_AndAgreeWithTheReference(string text)
    {
        Assert.Equal(new ReferenceEncoder(vocabulary).Encode(text), encoder.Encode(text));
        Assert.Equal(text, encoder.Decode(encoder.Encode(text)));
    }

    [Fact]
    public void SpecialTokensInText_EncodeAsTheirIds()
    {
        var ids = encoder.Encode("<s>Hi</s><pad><unk>");

        Assert.Equal(SpecialTokens.Bos, ids[0]);
        Assert.Equal([SpecialTokens.Eos, SpecialTokens.Pad, SpecialTokens.Unk], ids.TakeLast(3));
    }

    [Fact]
    public void ADocument_IsWrappedInBosAndEos()
    {
        var ids = encoder.EncodeDocument("The dog ran.");

        Assert.Equal(SpecialTokens.Bos, ids[0]);
        Assert.Equal(SpecialTokens.Eos, ids[^1]);
        Assert.Equal(encoder.Encode("The dog ran."), ids[1..^1]);
    }

    [Fact]
    public void Files_ReadBackIntoTheSameVocabulary()
    {
        var read = BpeFiles.Read(folder);

        Assert.Equal(vocabulary.Tokens, read.Tokens);
        Assert.Equal(vocabulary.Merges, read.Merges);
        Assert.True(File.Exists(Path.Combine(folder, BpeFiles.Tokenizer)));
    }
}
