using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Steps;

[Collection(TorchCollection.Name)]
public sealed class StepRunnerTests
{
    [Fact]
    public void AStepsTensors_StayRootedUntilTheStepEnds()
    {
        // A tensor outside any scope is freed by its finalizer, perhaps while a native call still reads it. The step's
        // own scope (not only the one every test runs in) holds them, and frees them when the step returns.
        using var temp = new TempFolder();
        var step = new TensorStep();

        var code = StepRunner.Run(new Dictionary<string, IStep> { ["Probe"] = step }, Spec(temp.Path));

        Assert.Equal(0, code);
        Assert.NotNull(step.Made);
        Assert.True(step.Made.IsInvalid, "the step's tensor outlived the step");
        Assert.NotNull(new ArtifactStore(temp.Path).TryGet("Probe", Spec(temp.Path).Key));
    }

    static StepSpec Spec(string store) => new()
    {
        Step = "Probe",
        Instance = "test",
        Parts = new KeyParts("Probe", "code", "config", "inputs", "toolchain"),
        Settings = JsonSerializer.SerializeToElement(new { }),
        Inputs = [],
        InputKeys = [],
        Store = store,
        Toolchain = new Toolchain("t", "l", "d", "cpu"),
    };

    /// <summary>Makes tensors the way step code does, without a scope of its own.</summary>
    sealed class TensorStep : IStep
    {
        public string Name => "Probe";

        public Tensor? Made { get; private set; }

        public void Run(StepContext context)
        {
            Made = ones(3).cumsum(0).sum();
            File.WriteAllText(context.Output("sum.txt"), Made.item<float>().ToString());
        }
    }
}
