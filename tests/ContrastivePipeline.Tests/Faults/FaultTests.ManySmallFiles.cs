using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>A corpus folder of one story per file, a common layout: the seed and perplexity splits are over the whole folder.</summary>
public sealed partial class FaultTests
{
    [Fact]
    public void CorpusOfTwoThousandOneDocumentFiles_GivesSeedAndPerplexityDocuments()
    {
        var experiment = OneDocumentFiles("stories", 2_000);

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), $"--experiment={experiment}", "--target=Corpus");

        Assert.True(exit == 0, output);
        // corpus.seed_fraction (5%) and corpus.heldout_fraction (2%) of the 2,000 documents, whichever files they are in.
        Assert.Contains("1860 training documents, 100 seed documents -> ", output);
        Assert.Contains(", 40 perplexity documents", output);
    }

    [Fact]
    public void CorpusOfTooFewOneDocumentFiles_FailsSayingAFixThatWorks()
    {
        var experiment = OneDocumentFiles("few", 5);
        var artifacts = Path.Combine(temp.Path, "artifacts");

        var (exit, output) = HostProcess.Run(artifacts, $"--experiment={experiment}", "--target=Corpus");

        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.Contains("of its 5 documents) holds no document", output);
        Assert.Contains("give at least 26 documents, or raise corpus.seed_fraction above 0.1", output);
        // The fix it names works.
        OneDocumentFiles("few", 26);
        var (fixedExit, fixedOutput) = HostProcess.Run(artifacts, $"--experiment={experiment}", "--target=Corpus");
        Assert.True(fixedExit == 0, fixedOutput);
    }

    /// <summary>A folder of <paramref name="files"/> files of one 100-word story each, and an experiment reading it.</summary>
    string OneDocumentFiles(string name, int files)
    {
        for (var i = 0; i < files; i++)
            temp.File($"{name}/story_{i:D4}.txt", string.Join(" ", Enumerable.Range(0, 100).Select(w => $"word{(i * 7 + w) % 50}")) + ".\n");
        return temp.File($"{name}.yaml", $"corpus:\n  source: {Path.Combine(temp.Path, name)}\nmodel:\n  context: 64\ngenerate:\n  new_tokens: 44\n");
    }
}
