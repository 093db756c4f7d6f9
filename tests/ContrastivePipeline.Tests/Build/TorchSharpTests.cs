using TorchSharp;

namespace ContrastivePipeline.Tests.Build;

public sealed class TorchSharpTests
{
    [Fact]
    public void MatrixProduct_RunsOnThisMachine_WithTheNativeLibraryLoaded()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }
}
