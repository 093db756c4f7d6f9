using ContrastivePipeline.Diagnostics;
using ContrastivePipeline.Generation;

namespace ContrastivePipeline.Tests.Diagnostics;

/// <summary>Distinct-n and the repeated 4-gram share against slow, obviously right versions on a few texts.</summary>
public sealed class TextDiagnosticsTests
{
    static readonly string[][] Texts =
    [
        ["the cat sat on the mat and the cat sat on the mat again"],
        ["a b c d a b c d a b c d", "a b c d e f g", "one"],
        ["Once upon a time there was a dog.\nThe dog ran.", "", "the the the the the the"],
        [.. Enumerable.Range(0, 20).Select(i => string.Join(" ", Enumerable.Range(0, 30).Select(j => $"w{(i * 7 + j * j) % 13}")))],
    ];

    public static TheoryData<int> Cases => new(Enumerable.Range(0, Texts.Length));

    static string[] Words(string document) => document.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

    static IEnumerable<string> Ngrams(string document, int n)
    {
        var words = Words(document);
        for (var i = 0; i + n <= words.Length; i++)
            yield return string.Join("|", words[i..(i + n)]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DistinctN_IsDistinctNgramsOverAllNgrams_WithinDocuments(int text)
    {
        var distinct = new Distinct();
        foreach (var document in Texts[text])
            distinct.Add(document);

        for (var n = 1; n <= 3; n++)
        {
            var all = Texts[text].SelectMany(d => Ngrams(d, n)).ToList();
            var expected = all.Count == 0 ? 0 : (double)all.Distinct().Count() / all.Count;
            Assert.Equal(expected, distinct.Ratios()[n - 1], 12);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Repeated4_IsTheShareOf4gramsSeenEarlierInTheirDocument(int text)
    {
        var (repeated, total) = (0, 0);
        foreach (var document in Texts[text])
        {
            var grams = Ngrams(document, 4).ToList();
            for (var i = 0; i < grams.Count; i++)
            {
                total++;
                if (grams.Take(i).Contains(grams[i]))
                    repeated++;
            }
        }

        Assert.Equal(total == 0 ? 0 : (double)repeated / total, RepeatedNgrams.Share(Texts[text], 4), 12);
    }

    [Fact]
    public void Repeated4_OfALoop_IsNearlyAll_AndOfFreshTextNone()
    {
        Assert.Equal(0, RepeatedNgrams.Share(["a b c d e f g h"], 4));
        Assert.Equal(5.0 / 9, RepeatedNgrams.Share(["x y z w x y z w x y z w"], 4), 12);
    }
}
