using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

public sealed class TokenizeStepTests : IDisposable
{
    const int Context = 64;
    readonly string root = Directory.CreateTempSubdirectory("tokenize-").FullName;
    string CorpusFolder => Path.Combine(root, "corpus");
    string OutputFolder => Path.Combine(root, "out");

    public TokenizeStepTests()
    {
        Directory.CreateDirectory(CorpusFolder);
        Directory.CreateDirectory(OutputFolder);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    StepContext NewContext(TokenizerKind kind = TokenizerKind.ByteLevel) => new(new StepSpec
    {
        Step = "Tokenize",
        Instance = "test",
        Parts = new KeyParts("Tokenize", "code", "config", "inputs", "toolchain"),
        Settings = JsonSerializer.SerializeToElement(new TokenizeSettings(new TokenizerConfig { Kind = kind, VocabSize = 600 }, Context), Json.Options),
        Inputs = new() { ["corpus"] = CorpusFolder },
        InputKeys = [],
        Store = root,
        Toolchain = new Toolchain("t", "l", "d", "cpu"),
        Threads = 2,
    }, OutputFolder);

    void WriteCorpus(IReadOnlyList<string> train, IReadOnlyList<string> prompts, IReadOnlyList<string> perplexity)
    {
        Documents.Write(Path.Combine(CorpusFolder, CorpusContract.TrainFile), train);
        Documents.Write(Path.Combine(CorpusFolder, CorpusContract.PromptsFile), prompts);
        Documents.Write(Path.Combine(CorpusFolder, CorpusContract.PerplexityFile), perplexity);
        // Two source files: the first half of the perplexity documents, then the rest.
        Json.Write(Path.Combine(CorpusFolder, CorpusContract.PerplexitySourcesFile),
            new SourceDocuments[] { new("first", perplexity.Count / 2), new("second", perplexity.Count - perplexity.Count / 2) });
    }

    [Fact]
    public void Shards_HoldEveryDocumentWrapped_AndThePromptsOpenEnded()
    {
        var train = TinyCorpus.All.Take(80).ToList();
        string[] prompts = ["Once upon a time", "The dog"];
        var perplexity = TinyCorpus.All.Skip(80).Take(10).ToList();
        WriteCorpus(train, prompts, perplexity);

        new TokenizeStep().Run(NewContext());

        var encoder = BpeEncoder.Load(OutputFolder);
        var expected = train.SelectMany(encoder.EncodeDocument).Select(t => (long)t).ToList();
        using var shard = DocumentShard.Open(Path.Combine(OutputFolder, TokenizeContract.TrainShard));
        var read = new List<long>();
        for (var i = 0; i < shard.Count; i++)
        {
            var document = new long[shard.Length(i)];
            shard.Copy(i, 0, document);
            read.AddRange(document);
        }
        Assert.Equal(expected, read);
        Assert.Equal((encoder.VocabSize, encoder.Hash[..32]), (shard.VocabSize, shard.TokenizerHash));

        using var promptShard = PromptShard.Open(Path.Combine(OutputFolder, TokenizeContract.PromptShard));
        Assert.Equal(prompts.Select(encoder.EncodePrompt), Enumerable.Range(0, promptShard.Count).Select(promptShard.Prompt));
        Assert.Equal("The dog", encoder.Decode(promptShard.Prompt(1).Skip(1)));

        using var perplexityShard = TokenShard.Open(Path.Combine(OutputFolder, TokenizeContract.PerplexityShard));
        Assert.Equal(perplexity.Sum(d => encoder.EncodeDocument(d).Length), perplexityShard.Tokens);
        // Each block belongs to the file its first token comes from; together the strata cover every block once.
        var strata = Json.Read<List<PerplexityStratum>>(Path.Combine(OutputFolder, TokenizeContract.PerplexityStrataFile));
        var firstFileTokens = perplexity.Take(5).Sum(d => encoder.EncodeDocument(d).Length);
        Assert.Equal(["first", "second"], strata.Select(s => s.Source));
        Assert.Equal((0, (firstFileTokens + Context - 1) / Context), (strata[0].FirstBlock, strata[0].Blocks));
        Assert.Equal((strata[0].Blocks, perplexityShard.Count), (strata[1].FirstBlock, strata[0].Blocks + strata[1].Blocks));
        Assert.Equal((long)firstFileTokens, strata[0].Tokens);

        var counts = Json.Read<TokenizeCounts>(Path.Combine(OutputFolder, "tokenize.json"));
        Assert.Equal((80, shard.Tokens, shard.Count, 2), (counts.Train.Documents, counts.Train.Tokens, (int)counts.Train.Documents, counts.Prompts.Documents));
        foreach (var file in new[] { BpeFiles.Tokenizer, BpeFiles.Vocab, BpeFiles.Merges })
            Assert.True(File.Exists(Path.Combine(OutputFolder, file)), file);
    }

    [Fact]
    public void SentencePieceKind_WritesAMetaspaceTokenizerJson_AndItsShardsDecodeBack()
    {
        var train = TinyCorpus.All.Take(80).ToList();
        WriteCorpus(train, ["Once upon a time"], TinyCorpus.All.Skip(80).Take(5).ToList());

        new TokenizeStep().Run(NewContext(TokenizerKind.SentencepieceBpe));

        Assert.Contains("\"Metaspace\"", File.ReadAllText(Path.Combine(OutputFolder, BpeFiles.Tokenizer)));
        var encoder = BpeEncoder.Load(OutputFolder);
        Assert.Equal(600, encoder.VocabSize);
        using var shard = DocumentShard.Open(Path.Combine(OutputFolder, TokenizeContract.TrainShard));
        var first = new long[shard.Length(0)];
        shard.Copy(0, 0, first);
        // As HF's Metaspace decoder: only the first token loses its prefix space, and here that is <s>.
        Assert.Equal($"<s> {train[0]}</s>", encoder.Decode(first.Select(t => (int)t)));
        using var prompts = PromptShard.Open(Path.Combine(OutputFolder, TokenizeContract.PromptShard));
        Assert.Equal("Once upon a time", encoder.Decode(prompts.Prompt(0).Skip(1)));
    }

    [Fact]
    public void AMissingCorpusFile_IsAStepError_ThatNamesIt()
    {
        Documents.Write(Path.Combine(CorpusFolder, CorpusContract.TrainFile), ["some text"]);

        var error = Assert.Throws<StepException>(() => new TokenizeStep().Run(NewContext()));

        Assert.Contains(CorpusContract.PromptsFile, error.Message);
    }

    [Fact]
    public void AnEmptyTrainingText_IsAStepError()
    {
        WriteCorpus([], ["p"], ["q"]);

        var error = Assert.Throws<StepException>(() => new TokenizeStep().Run(NewContext()));

        Assert.Contains(CorpusContract.TrainFile, error.Message);
    }
}
