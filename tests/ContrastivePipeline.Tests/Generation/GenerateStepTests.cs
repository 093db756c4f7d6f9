using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Tests.Generation;

[Collection(TorchCollection.Name)]
public sealed class GenerateStepTests(GenerateFixture fixture) : IClassFixture<GenerateFixture>
{
    static readonly GenerateConfig Small = new() { PrefixTokens = 12, Continuations = 2, NewTokens = 24, MaxPrompts = null, BatchSize = 4 };

    string Generate(GenerateConfig config, string strategy = "contrastive", BadKind kind = BadKind.Early,
        string? output = null, int goodStep = GenerateFixture.GoodStep)
    {
        output ??= Directory.CreateDirectory(Path.Combine(fixture.Root, $"out-{Guid.NewGuid():N}")).FullName;
        var bad = kind == BadKind.Dropout ? new BadCheckpoint(goodStep, 0.5) : new BadCheckpoint(GenerateFixture.BadStep, 0);
        var settings = new GenerateSettings(config, DecodingStrategy.Named(strategy), goodStep, bad, Seed: 5);
        new GenerateStep().Run(new StepContext(new StepSpec
        {
            Step = "Generate",
            Instance = "test",
            Parts = new KeyParts("Generate", "code", "config", "inputs", "toolchain"),
            Settings = JsonSerializer.SerializeToElement(settings, Json.Options),
            Inputs = new() { ["tokens"] = fixture.Tokens, ["good"] = fixture.Run, ["bad"] = fixture.Run },
            InputKeys = [],
            Store = fixture.Root,
            Toolchain = new Toolchain("t", "l", "d", "cpu"),
            Threads = 1,
        }, output));
        return output;
    }

    static string Corpus(string output) => File.ReadAllText(Path.Combine(output, GenerateContract.CorpusFile));

    static GenerateStats Stats(string output) => Json.Read<GenerateStats>(Path.Combine(output, GenerateContract.StatsFile));

    [Fact]
    public void Corpus_IsTheSame_ForAnyNumberOfShards_AnyBatchSize_AndOnARerun()
    {
        var one = Generate(Small);
        var sharded = Generate(Small with { Shards = 3, BatchSize = 6 });
        var again = Generate(Small);

        Assert.Equal(Corpus(one), Corpus(sharded));
        Assert.Equal(Corpus(one), Corpus(again));
        Assert.Equal(Stats(one) with { GenerationSeconds = 0 }, Stats(sharded) with { GenerationSeconds = 0 });
        Assert.Equal(3, Directory.GetFiles(Path.Combine(sharded, "shards"), "shard_*.txt").Length);
    }

    [Fact]
    public void AKilledRun_ResumesAtTheFirstUnfinishedShard_AndMakesADamagedOneAgain()
    {
        var config = Small with { Shards = 3, Continuations = 1 };
        var output = Generate(config, "ancestral");
        var shards = Path.Combine(output, "shards");
        var (secondShard, lastShard) = (File.ReadAllText(Path.Combine(shards, "shard_0001.txt")), File.ReadAllText(Path.Combine(shards, "shard_0002.txt")));
        // as a kill during shard 2 leaves it: shards 0 and 1 finished, shard 2 without its counts, no corpus yet
        File.Delete(Path.Combine(shards, "shard_0002.json"));
        File.WriteAllText(Path.Combine(shards, "shard_0002.txt"), "half a shard");
        File.Delete(Path.Combine(output, GenerateContract.CorpusFile));
        // A finished shard is kept as its sealed counts file says it was written: shard 0 is marked, with its hash updated.
        var first = Path.Combine(shards, "shard_0000.txt");
        File.AppendAllText(first, "\nkept from the first run");
        SealedJson.Write(Path.Combine(shards, "shard_0000.json"), Json.Read<ShardCounts>(Path.Combine(shards, "shard_0000.json")) with { Text = Hash.OfFile(first) });
        // Shard 1 is damaged after it was finished: it no longer matches its hash.
        File.WriteAllText(Path.Combine(shards, "shard_0001.txt"), "damaged");

        Generate(config, "ancestral", output: output);

        Assert.Equal(lastShard, File.ReadAllText(Path.Combine(shards, "shard_0002.txt")));
        Assert.Equal(secondShard, File.ReadAllText(Path.Combine(shards, "shard_0001.txt")));
        Assert.Contains("kept from the first run", Corpus(output));
    }

    [Fact]
    public void Corpus_IsDocumentsSeparatedByOneEmptyLine_AndTheStatsCountThem()
    {
        var output = Generate(Small);
        var corpus = Corpus(output);
        var stats = Stats(output);

        var documents = ContrastivePipeline.Corpus.Documents.Split(corpus);
        Assert.Equal(string.Join("\n\n", documents) + "\n", corpus);
        Assert.Equal(stats.Documents, documents.Count);
        Assert.DoesNotContain(documents, d => d.Contains("<s>") || d.Contains("</s>"));
        Assert.Equal(GenerateFixture.Prompts, stats.Prompts);
        Assert.Equal(GenerateFixture.Prompts * 2 * 24, stats.GeneratedTokens);
        Assert.NotNull(stats.OutsideHeadShare);
        Assert.InRange(stats.Distinct1, 0.0, 1.0);
        Assert.True(stats.Distinct4 >= stats.Distinct1);
    }

    [Fact]
    public void Ancestral_HasNoHeadShare_AndDropoutBadRerunsIdentically()
    {
        Assert.Null(Stats(Generate(Small, "ancestral")).OutsideHeadShare);
        var a = Generate(Small, "contrastive", BadKind.Dropout);
        var b = Generate(Small, "contrastive", BadKind.Dropout);
        Assert.Equal(Corpus(a), Corpus(b));
        Assert.NotEqual(Corpus(a), Corpus(Generate(Small, "head-only")));
    }

    [Fact]
    public void ACheckpointThatWasNotSaved_IsAClearError()
    {
        var error = Assert.Throws<StepException>(() => Generate(Small, goodStep: 6));

        Assert.Contains("step 6 was not saved", error.Message);
    }
}
