using System.Text.Json;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Steps;

[Collection(TorchCollection.Name)]
public sealed class StepRunnerTests
{
    [Fact]
    public void AStepsTensors_StayRootedInADisposeScope()
    {
        // A tensor outside any scope is freed by its finalizer, perhaps while a native call still reads it.
        using var temp = new TempFolder();
        var outside = DisposeScopeManager.Statistics.CreatedOutsideScopeCount;
        var inside = DisposeScopeManager.Statistics.CreatedInScopeCount;

        var code = StepRunner.Run(new Dictionary<string, IStep> { ["Probe"] = new TensorStep() }, Spec(temp.Path));

        Assert.Equal(0, code);
        Assert.Equal(outside, DisposeScopeManager.Statistics.CreatedOutsideScopeCount);
        Assert.True(DisposeScopeManager.Statistics.CreatedInScopeCount >= inside + 3);
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

        public void Run(StepContext context)
        {
            var sum = ones(3).cumsum(0).sum();
            File.WriteAllText(context.Output("sum.txt"), sum.item<float>().ToString());
        }
    }
}
