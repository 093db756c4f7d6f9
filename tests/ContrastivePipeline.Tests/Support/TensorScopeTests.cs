using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Support;

public sealed class TensorScopeTests
{
    [Fact]
    public void ATestsTensors_AreRootedInADisposeScope()
    {
        var outside = DisposeScopeManager.Statistics.CreatedOutsideScopeCount;

        var sum = ones(3).cumsum(0).sum().item<float>();

        Assert.Equal(6f, sum);
        Assert.Equal(outside, DisposeScopeManager.Statistics.CreatedOutsideScopeCount);
    }
}
