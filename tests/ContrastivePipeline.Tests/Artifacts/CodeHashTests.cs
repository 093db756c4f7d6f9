using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Artifacts.Code;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

/// <summary>The code part of a key, read from the step CLI built with these tests.</summary>
public sealed class CodeHashTests
{
    static readonly string[] Steps = ["Corpus", "Tokenize", "Train", "Generate", "Diagnose", "Mix", "Score", "Export", "Report"];

    static readonly CodeHash Built = CodeHash.Load(new ContrastivePipeline.Build.Paths(Repo.Root, "artifacts").StepCli);

    static bool Reaches(string step, string type) => Built.For(step).Members.Keys.Any(k => k.StartsWith(type + "::", StringComparison.Ordinal));

    [Fact]
    public void EveryStep_ReachesItsOwnClassAndTheRunner_NotAnotherStepsClass()
    {
        foreach (var step in Steps)
        {
            Assert.True(Reaches(step, "ContrastivePipeline.Steps.StepRunner"), step);
            Assert.Single(Steps, other => Built.For(step).Members.Keys.Any(k => k.Contains($".{other}Step::Run(", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void NoStep_ReachesTheCostLine_WhichTheStepCliPrintsOutsideEveryStep()
    {
        // Costs are logs: measuring them must never change a key (Program.cs prints them after the step command returns).
        foreach (var step in Steps)
            Assert.False(Reaches(step, "ContrastivePipeline.StepCost"), step);
    }

    [Fact]
    public void Mix_ReachesTheDocumentReaderItCalls_NotGenerationOrTheModel()
    {
        Assert.True(Reaches("Mix", "ContrastivePipeline.Corpus.Documents"));
        Assert.True(Reaches("Generate", "ContrastivePipeline.Corpus.Documents"), "the corpus writer of Generate calls Documents");
        Assert.False(Reaches("Mix", "ContrastivePipeline.Generation.CorpusWriter"));
        Assert.False(Reaches("Mix", "ContrastivePipeline.Model.Llama"));
        Assert.False(Reaches("Train", "ContrastivePipeline.Evaluation.EvaluationBenchmark"));
    }

    [Fact]
    public void Generate_ReachesEveryStrategyAndItsDecoding_ThoughOnlyReflectionCreatesThem()
    {
        foreach (var type in new[] { "Configuration.AncestralStrategy", "Configuration.ContrastiveStrategy", "Configuration.HeadOnlyStrategy" })
            Assert.True(Reaches("Generate", "ContrastivePipeline." + type), type);
        Assert.Contains(Built.For("Generate").Members.Keys, k => k.StartsWith("ContrastivePipeline.Generation.HeadOnlyDecoding::Scores(", StringComparison.Ordinal));
        Assert.Contains(Built.For("Generate").Members.Keys, k => k.StartsWith("ContrastivePipeline.Generation.AncestralDecoding::Scores(", StringComparison.Ordinal));
        Assert.False(Reaches("Mix", "ContrastivePipeline.Generation.HeadOnlyDecoding"));
        Assert.False(Reaches("Train", "ContrastivePipeline.Configuration.HeadOnlyStrategy"));
    }

    [Theory]
    [InlineData("ancestral", "AncestralDecoding", new[] { "ContrastiveDecoding", "HeadOnlyDecoding" })]
    [InlineData("contrastive", "ContrastiveDecoding", new[] { "AncestralDecoding", "HeadOnlyDecoding" })]
    [InlineData("head-only", "HeadOnlyDecoding", new[] { "AncestralDecoding", "ContrastiveDecoding" })]
    public void Generate_WithAStrategy_HasItsDecodingsCode_AndOnlyTheDeclarationOfTheOthers(string strategy, string runs, string[] others)
    {
        var settings = GenerateSettings.For(new(), DecodingStrategy.Named(strategy), 30, new(10, 0), 42);
        var code = Built.For("Generate", [.. settings.ChosenCode().Select(t => t.FullName!)]);

        Assert.True(code.Members.Keys.Any(k => k.StartsWith($"ContrastivePipeline.Generation.{runs}::Scores(", StringComparison.Ordinal)), runs);
        foreach (var other in others)
        {
            Assert.DoesNotContain(code.Members.Keys, k => k.StartsWith($"ContrastivePipeline.Generation.{other}::", StringComparison.Ordinal));
            Assert.Contains($"ContrastivePipeline.Generation.{other} (type, not chosen)", code.Members.Keys);
        }
        // Every strategy type stays: settings are read through DecodingStrategy.All, which makes one of each.
        foreach (var type in new[] { "AncestralStrategy", "ContrastiveStrategy", "HeadOnlyStrategy" })
            Assert.True(code.Members.Keys.Any(k => k.StartsWith($"ContrastivePipeline.Configuration.{type}::", StringComparison.Ordinal)), type);
        Assert.NotEqual(Built.For("Generate").Hash, code.Hash);
    }

    [Fact]
    public void Settings_AreInTheKeyOfTheStepThatReadsThem()
    {
        Assert.Contains("ContrastivePipeline.Steps.GenerateSettings (type)", Built.For("Generate").Members.Keys);
        Assert.DoesNotContain("ContrastivePipeline.Steps.GenerateSettings (type)", Built.For("Mix").Members.Keys);
    }

    [Fact]
    public void For_IsTheSameEachTime() => Assert.Equal(Built.For("Train").Hash, CodeHash.Load(new ContrastivePipeline.Build.Paths(Repo.Root, "artifacts").StepCli).For("Train").Hash);

    [Theory]
    [InlineData("Ns.T/<>c__DisplayClass12_0", "Ns.T/<>c__DisplayClass_0")]
    [InlineData("Ns.T/<>c::<Run>b__3_1", "Ns.T/<>c::<Run>b___1")]
    [InlineData("Ns.T/<Read>d__7", "Ns.T/<Read>d__")]
    [InlineData("<>f__AnonymousType4`2", "<>f__AnonymousType`2")]
    [InlineData("Ns.T::<Run>g__Local|2_0", "Ns.T::<Run>g__Local|_0")]
    [InlineData("Ns.T::Run", "Ns.T::Run")]
    public void Normalize_DropsTheOrdinalsTheCompilerNumbersByPosition(string name, string normalized) =>
        Assert.Equal(normalized, CodeModel.Normalize(name));

    [Fact]
    public void Describe_NamesAFewChangedMembers_ThenCountsTheRest()
    {
        var old = new Dictionary<string, string> { ["A.B::Run(C.D,System.Int32):System.Void"] = "1", ["A.E (type)"] = "1", ["A.F::G():System.Void"] = "1" };
        var now = new Dictionary<string, string> { ["A.B::Run(C.D,System.Int32):System.Void"] = "2", ["A.E (type)"] = "2", ["A.H::I():System.Void"] = "1" };
        Assert.Equal("A.B.Run(D, Int32), A.E (type), A.F.G() (gone) and 1 more", StepCode.Describe(old, now));
        Assert.Equal("(the same methods)", StepCode.Describe(old, old));
    }
}
