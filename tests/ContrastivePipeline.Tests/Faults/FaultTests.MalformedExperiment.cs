using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>Experiment files that once crashed the host: each now ends in one line naming the file, exit code 1.</summary>
public sealed partial class FaultTests
{
    [Theory]
    [InlineData("deep nesting", "name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", ":1:", "nested more than")]
    [InlineData("40,000 brackets", null, ":1:", "nested more than")]
    [InlineData("key of only a colon", "train:\n  steps: 40\n : 300\n", ":", "not valid YAML")]
    [InlineData("ratio twice", "mix:\n  ratios: [0.3, 0.3]\n", ":2:", "lists a ratio twice")]
    public void MalformedExperiment_EndsWithOneLineNamingTheFile_AndNoTrace(string _, string? yaml, string where, string expected)
    {
        var experiment = temp.File("broken.yaml", yaml ?? "name: " + new string('[', 40_000));

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), $"--experiment={experiment}", "--target=Corpus");

        Assert.Equal(1, exit);
        AssertClearError(output);
        Assert.DoesNotContain("Stack overflow", output);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains(experiment + where, line);
        Assert.Contains(expected, line);
    }
}
