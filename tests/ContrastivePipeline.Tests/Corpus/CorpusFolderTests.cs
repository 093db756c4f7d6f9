using ContrastivePipeline.Corpus;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Corpus;

public sealed class CorpusFolderTests
{
    [Fact]
    public void Read_TinyCorpus_GivesDocumentsWithoutEmptyLines()
    {
        var sources = CorpusFolder.Read(Repo.Data("corpora/tiny"));
        var documents = Assert.Single(sources).Documents;
        Assert.True(documents.Count > 100);
        Assert.All(documents, d => Assert.DoesNotContain("\n\n", d));
    }

    [Fact]
    public void Read_CrlfText_IsNormalised()
    {
        using var temp = new TempFolder();
        temp.File("a.txt", "one\r\ntwo\r\n\r\nthree\r\n");
        Assert.Equal(["one\ntwo", "three"], CorpusFolder.Read(temp.Path).Single().Documents);
    }

    [Fact]
    public void Read_EmptyFolder_NamesTheFolder()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<StepException>(() => CorpusFolder.Read(temp.Path));
        Assert.Contains(temp.Path, error.Message);
        Assert.Contains("no text files", error.Message);
    }

    [Fact]
    public void Read_BinaryFile_NamesTheFile()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(Path.Combine(temp.Path, "model.bin"), [1, 2, 0, 4]);
        var error = Assert.Throws<StepException>(() => CorpusFolder.Read(temp.Path));
        Assert.Contains("model.bin", error.Message);
        Assert.Contains("binary", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheFileAndTheFix()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(Path.Combine(temp.Path, "latin1.txt"), [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'\n']);
        var error = Assert.Throws<StepException>(() => CorpusFolder.Read(temp.Path));
        Assert.Contains("latin1.txt", error.Message);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Contains("iconv", error.Message);
    }
}
