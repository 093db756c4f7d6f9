using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Export;
using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Training;
using TorchSharp.PyBridge;

namespace ContrastivePipeline.Tests.Export;

[Collection(TorchCollection.Name)]
public sealed class ExportStepTests : IDisposable
{
    readonly TempFolder temp = new();
    readonly string run, tokens, output;
    readonly int vocab;

    public ExportStepTests()
    {
        run = Path.Combine(temp.Path, "run");
        tokens = Path.Combine(temp.Path, "tokens");
        output = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(output);
        vocab = ExportFixtures.WriteTokenizer(tokens);
    }

    public void Dispose() => temp.Dispose();

    void Train(int vocabSize)
    {
        var config = new TrainConfig { Steps = 4, BatchSize = 2, LearningRate = 1e-2, WarmupSteps = 1, CheckpointEvery = 2 };
        var shape = ExportFixtures.Shape(vocabSize);
        using var trainer = new Trainer(shape, config, new RandomBatches(vocabSize, seed: 5), run,
            new TrainerOptions(Seed: 42, Device: "cpu", Threads: 1, Log: _ => { }));
        trainer.Run();
    }

    StepContext Context(ExportSettings settings) => new(new StepSpec
    {
        Step = "Export",
        Instance = "test",
        Parts = new KeyParts("Export", "code", "config", "inputs", "toolchain"),
        Settings = JsonSerializer.SerializeToElement(settings, Json.Options),
        Inputs = new() { ["run"] = run, ["tokens"] = tokens },
        InputKeys = [],
        Store = temp.Path,
        Toolchain = new Toolchain("t", "l", "d", "cpu"),
    }, output);

    void AssertExported(long step)
    {
        using var expected = Checkpoints.LoadModel(Checkpoints.Folder(run, step));
        using var exported = new Llama(expected.Shape);
        exported.load_safetensors(Path.Combine(output, HuggingFaceExport.WeightsFile), strict: true);
        var want = expected.state_dict();
        foreach (var (name, tensor) in exported.state_dict())
            Assert.True(Tensors.Same(tensor, want[name]), $"{name} is not the step {step} checkpoint's");
        foreach (var file in new[] { HuggingFaceExport.ConfigFile, "tokenizer.json", TokenizerExport.ConfigFile })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
    }

    [Fact]
    public void LastCheckpoint_IsExported_WithoutAStep()
    {
        Train(vocab);

        new ExportStep().Run(Context(new ExportSettings("GOOD")));

        AssertExported(4);
    }

    [Fact]
    public void AChosenStep_ExportsThatCheckpoint()
    {
        Train(vocab);

        new ExportStep().Run(Context(new ExportSettings("GOOD", Step: 2)));

        AssertExported(2);
    }

    [Fact]
    public void AMissingCheckpoint_Fails_NamingItsFolderAndTheStepsThere()
    {
        Train(vocab);

        var error = Assert.Throws<StepException>(() => new ExportStep().Run(Context(new ExportSettings("GOOD", Step: 500))));

        Assert.Contains(Checkpoints.Folder(run, 500), error.Message);
        Assert.Contains("steps 2, 4", error.Message);
    }

    [Fact]
    public void ARunWithoutCheckpoints_FailsWithTheFix()
    {
        var error = Assert.Throws<StepException>(() => new ExportStep().Run(Context(new ExportSettings("GOOD"))));

        Assert.Contains(Path.Combine(run, "checkpoints"), error.Message);
        Assert.Contains("re-run its Train step", error.Message);
    }

    [Fact]
    public void ATokenizerOfAnotherVocabulary_Fails_BeforeWritingAnything()
    {
        Train(vocab + 5);

        var error = Assert.Throws<StepException>(() => new ExportStep().Run(Context(new ExportSettings("GOOD"))));

        Assert.Contains("Tokenize folder this run was trained on", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }
}
