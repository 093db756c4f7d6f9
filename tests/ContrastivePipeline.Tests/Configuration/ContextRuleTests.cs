using ContrastivePipeline.Tests.Support;
using static ContrastivePipeline.Tests.Faults.StoreState;

namespace ContrastivePipeline.Tests.Configuration;

/// <summary>Generation past the model's context is refused when the experiment loads, through the host as a user meets it.</summary>
public sealed class ContextRuleTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Host_GenerationPastTheContext_FailsWithOneLineNamingBothKeys_AndRunsNothing()
    {
        var smoke = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml"));
        var experiment = temp.File("long.yaml", smoke.Replace("new_tokens: 32", "new_tokens: 500"));

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), $"--experiment={experiment}", "--target=Corpus");

        Assert.Equal(1, exit);
        AssertClearError(output);
        var error = Assert.Single(output.Split('\n'), l => l.Contains("generate.new_tokens"));
        Assert.Contains($"{experiment}:", error);
        Assert.Contains("generate.prefix_tokens (20) + generate.new_tokens (500) = 520 exceeds model.context (64)", error);
        Assert.Contains("at most 44", error);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "artifacts", "store")));
    }
}
