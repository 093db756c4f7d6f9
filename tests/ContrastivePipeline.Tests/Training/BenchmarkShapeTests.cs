using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

public sealed class BenchmarkShapeTests
{
    [Fact]
    public void Parse_AppliesOverridesToTheReferenceShape()
    {
        var shape = BenchmarkShape.Parse(["--layers=2", "--vocab=512", "--batch=4", "--threads=1"]);

        Assert.Equal(new BenchmarkShape().Model with { Layers = 2, Vocab = 512 }, shape.Model);
        Assert.Equal((4, 1), (shape.Batch, shape.Threads));
    }

    [Fact]
    public void Parse_RejectsAnUnknownOption() =>
        Assert.Throws<ArgumentException>(() => BenchmarkShape.Parse(["--depth=3"]));
}
