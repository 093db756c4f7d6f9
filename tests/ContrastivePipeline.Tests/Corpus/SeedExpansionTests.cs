using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tests.Corpus;

public sealed class SeedExpansionTests
{
    static string Sentence(int words, char end = '.') => string.Join(' ', Enumerable.Repeat("word", words)) + end;

    [Fact]
    public void ShortDocument_IsKeptWhole()
    {
        var document = Sentence(50) + "\n" + Sentence(20);
        Assert.Equal([document], SeedExpansion.Expand(document, 100, 200));
    }

    [Fact]
    public void LongDocument_IsRegroupedIntoChunksOfAtLeastMin_AndTheShortTailIsDropped()
    {
        // Pieces of 60 words: 60+60=120 >= 100, adding a third (180) still fits under 200, a fourth would not.
        var document = string.Join("\n", Enumerable.Range(0, 7).Select(_ => Sentence(60)));
        var chunks = SeedExpansion.Expand(document, 100, 200).ToList();
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(180, Documents.Words(c)));
    }

    [Fact]
    public void Splits_OnlyAfterSentenceEndsFollowedByNewline()
    {
        var document = Sentence(80, ',') + "\n" + Sentence(80) + "\n" + Sentence(150, '!') + "\n" + Sentence(10);
        var chunks = SeedExpansion.Expand(document, 100, 200).ToList();
        // "80,\n80." is one piece (a comma ends no sentence): 160 words. "150!" would take it past 200, so it starts
        // a new chunk, and the 10-word piece still fits into that one.
        Assert.Equal([160, 160], chunks.Select(Documents.Words));
    }
}
