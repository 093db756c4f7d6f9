using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Generation;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tests.Tokenization;
using ContrastivePipeline.Tests.Training;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Devices;

/// <summary>
/// Training, generation and evaluation create every tensor on the step's device: run with torch's default device set
/// to meta (<see cref="MetaDefaultDevice"/>), any tensor created without it fails the step. This keeps the CUDA path
/// honest on a machine without a GPU.
/// </summary>
[Collection(MetaDefaultDevice.Collection)]
public sealed class WrongDeviceTests(GenerateFixture fixture) : IClassFixture<GenerateFixture>
{
    [Fact]
    public void TrainingAndItsResume_CreateNoTensorOffTheStepDevice()
    {
        using var folder = new TempFolder();

        MetaDefaultDevice.Run(() =>
        {
            using (var first = TinyRuns.Trainer(folder.Path, TinyRuns.Config with { Steps = 2 }))
                first.Run();
            Directory.Delete(Path.Combine(folder.Path, "checkpoints", "step_000002"), recursive: true);
            using (var killed = TinyRuns.Trainer(folder.Path))
            {
                killed.StepCompleted += m => { if (m.Step == 3) throw new OperationCanceledException("killed"); };
                Assert.Throws<OperationCanceledException>(() => killed.Run());
            }
            using var resumed = TinyRuns.Trainer(folder.Path);
            resumed.Run();
        });

        Assert.Equal(TinyRuns.Config.Steps, File.ReadAllLines(Path.Combine(folder.Path, "metrics.jsonl")).Length);
    }

    [Theory]
    [InlineData("contrastive", 0.0)]
    [InlineData("contrastive", 0.5)]
    [InlineData("ancestral", 0.0)]
    public void Generation_CreatesNoTensorOffTheStepDevice(string strategy, double badDropout)
    {
        using var output = new TempFolder();
        var config = new GenerateConfig { PrefixTokens = 12, Continuations = 2, NewTokens = 8, MaxPrompts = 3, BatchSize = 4 };
        var bad = badDropout > 0 ? new BadCheckpoint(GenerateFixture.GoodStep, badDropout) : new BadCheckpoint(GenerateFixture.BadStep, 0);
        var settings = new GenerateSettings(config, DecodingStrategy.Named(strategy), GenerateFixture.GoodStep, bad, Seed: 5);

        MetaDefaultDevice.Run(() => new GenerateStep().Run(Context("Generate", settings,
            new() { ["tokens"] = fixture.Tokens, ["good"] = fixture.Run, ["bad"] = fixture.Run }, output.Path)));

        Assert.NotEmpty(File.ReadAllText(Path.Combine(output.Path, GenerateContract.CorpusFile)));
    }

    [Fact]
    public void Evaluation_CreatesNoTensorOffTheStepDevice()
    {
        using var output = new TempFolder();
        using var probes = new TempFolder();
        TinyWorld.Generate(seed: 3, words: 2000, probes.Path);
        WritePerplexityShard();
        var settings = new ScoreSettings([GenerateFixture.GoodStep], PerplexityBlocks: 6, PerplexitySeed: 42, BatchSize: 8);

        MetaDefaultDevice.Run(() => new ScoreStep().Run(Context("Score", settings,
            new() { ["run"] = fixture.Run, ["tokens"] = fixture.Tokens, ["probes"] = probes.Path }, output.Path)));

        Assert.True(File.Exists(Path.Combine(output.Path, EvaluationIndex.FileName)));
    }

    void WritePerplexityShard()
    {
        var encoder = BpeEncoder.Load(fixture.Tokens);
        var path = Path.Combine(fixture.Tokens, TokenizeContract.PerplexityShard);
        using var writer = new TokenShardWriter(path, encoder.VocabSize, blockLength: 24, encoder.Hash);
        foreach (var document in TinyCorpus.All.Take(10))
            writer.Append(encoder.EncodePrompt(document));
        writer.Complete();
        Json.Write(Path.Combine(fixture.Tokens, TokenizeContract.PerplexityStrataFile),
            new[] { new PerplexityStratum("tiny", FirstBlock: 0, Blocks: (int)writer.Blocks, writer.Tokens) });
    }

    static StepContext Context(string step, object settings, Dictionary<string, string> inputs, string output) => new(new StepSpec
    {
        Step = step,
        Instance = "test",
        Parts = new KeyParts(step, "code", "config", "inputs", "toolchain"),
        Settings = JsonSerializer.SerializeToElement(settings, Json.Options),
        Inputs = inputs,
        InputKeys = [],
        Store = Path.GetTempPath(),
        Toolchain = new Toolchain("t", "l", "d", "cpu"),
        Threads = 1,
    }, output);
}
