using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Configuration;

/// <summary>
/// experiments/paper.yaml, resolved (defaults filled in) and loaded back, states the facts of PAPER.md: a default
/// that drifts, or a line of paper.yaml that goes, fails here and not only in the snapshot.
/// </summary>
public sealed class PaperExperimentTests
{
    static Experiment Resolved()
    {
        using var temp = new TempFolder();
        var resolved = ExperimentLoader.Resolve(ExperimentLoader.Load(Path.Combine(Repo.Root, "experiments", "paper.yaml"), Repo.Root));
        return ExperimentLoader.Load(temp.File("paper.yaml", resolved), Repo.Root);
    }

    [Fact]
    public void Training_Is8000StepsOf262144Tokens_WithTheAuthorsOptimiserAndNoClipping()
    {
        var train = Resolved().Train;
        Assert.Equal(262_144, train.BatchSize * Resolved().Model.Context);
        Assert.Equal((8000, 150, 1e-3, 0.1, 0.0, 500), (train.Steps, train.WarmupSteps, train.LearningRate, train.WeightDecay, train.GradClip, train.CheckpointEvery));
    }

    [Fact]
    public void Model_IsThe12By768Llama_WithA32000TokenSentencePieceVocabulary()
    {
        var e = Resolved();
        Assert.Equal((12, 768, 12, 3072, 1024), (e.Model.Layers, e.Model.Hidden, e.Model.Heads, e.Model.Intermediate, e.Model.Context));
        Assert.Equal((TokenizerKind.SentencepieceBpe, 32_000), (e.Tokenizer.Kind, e.Tokenizer.VocabSize));
    }

    [Fact]
    public void Nominal0Point3_Is25PercentSynthetic()
    {
        var mix = Resolved().Mix;
        Assert.Equal([0.3], mix.Ratios);
        Assert.Equal("25.00%", (100 * mix.Share(0.3).Fraction).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%");
        Assert.Equal(64, mix.Share(0.3).Rows(Resolved().Train.BatchSize));
    }

    [Fact]
    public void Good_IsStep2500OfSeed43_AndBadStep500OfTheSameRun()
    {
        var e = Resolved();
        Assert.Equal((2500, 43), (e.Good.Step, e.Good.Seed));
        var bad = Assert.Single(e.Bad);
        Assert.Equal((BadKind.Early, 500), (bad.Kind, bad.Step));
    }

    [Fact]
    public void Decoding_IsAlpha0Point1Lambda1PenaltyMinus20_On20TokenPromptsWith8ContinuationsOf400()
    {
        var g = Resolved().Generate;
        Assert.Equal((0.1, 1.0, -20.0, 1.0), (g.Alpha, g.Lambda, g.Penalty, g.Temperature));
        Assert.Equal((20, 8, 400), (g.PrefixTokens, g.Continuations, g.NewTokens));
        Assert.Equal((null, null, null), (g.MaxPrompts, g.TopK, g.TopP));
        Assert.True(g.KeepPrefix);
    }

    [Fact]
    public void FinalModels_Train10Seeds42To51()
    {
        Assert.Equal(Enumerable.Range(42, 10), Resolved().Final.Seeds);
    }
}
