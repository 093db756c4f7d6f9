using ContrastivePipeline.Generation;

namespace ContrastivePipeline.Tests.Generation;

public sealed class SyntheticTextTests
{
    [Fact]
    public void Text_SplitsAtEveryBosAndEos_DropsEmptyPieces_AndCollapsesEmptyLines()
    {
        var documents = SyntheticText.Documents("<s> Once there was\n\n  \na dog. </s><s>  </s>The end</s>").ToList();

        Assert.Equal(["Once there was\na dog.", "The end"], documents);
    }

    [Fact]
    public void Prefix_IsKeptOrDropped()
    {
        Assert.Equal([1, 5, 6, 7], SyntheticText.Ids([1, 5], [6, 7], keepPrefix: true));
        Assert.Equal([6, 7], SyntheticText.Ids([1, 5], [6, 7], keepPrefix: false));
    }

    [Fact]
    public void DistinctN_CountsDistinctWordNGrams_WithinDocuments()
    {
        var distinct = new Distinct();
        distinct.Add("a b a b");
        distinct.Add("a b");

        Assert.Equal([2 / 6.0, 2 / 4.0, 2 / 2.0, 1.0], distinct.Ratios());
        Assert.Equal(6, distinct.Words);
    }
}
