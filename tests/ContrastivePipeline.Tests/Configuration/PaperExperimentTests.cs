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
    public void Training_is_8000_steps_of_262144_tokens_with_the_authors_optimiser_and_no_clipping()
    {
        var train = Resolved().Train;
        Assert.Equal(262_144, train.BatchSize * Resolved().Model.Context);
        Assert.Equal((8000, 150, 1e-3, 0.1, 0.0, 500), (train.Steps, train.WarmupSteps, train.LearningRate, train.WeightDecay, train.GradClip, train.CheckpointEvery));
    }

    [Fact]
    public void Model_is_the_12_by_768_Llama_with_a_32000_token_SentencePiece_vocabulary()
    {
        var e = Resolved();
        Assert.Equal((12, 768, 12, 3072, 1024), (e.Model.Layers, e.Model.Hidden, e.Model.Heads, e.Model.Intermediate, e.Model.Context));
        Assert.Equal((TokenizerKind.SentencepieceBpe, 32_000), (e.Tokenizer.Kind, e.Tokenizer.VocabSize));
    }

    [Fact]
    public void Nominal_0_3_is_25_percent_synthetic()
    {
        var mix = Resolved().Mix;
        Assert.Equal([0.3], mix.Ratios);
        Assert.Equal("25.00%", (100 * mix.Share(0.3).Fraction).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%");
        Assert.Equal(64, mix.Share(0.3).Rows(Resolved().Train.BatchSize));
    }

    [Fact]
    public void Good_is_step_2500_of_seed_43_and_Bad_step_500_of_the_same_run()
    {
        var e = Resolved();
        Assert.Equal((2500, 43), (e.Good.Step, e.Good.Seed));
        var bad = Assert.Single(e.Bad);
        Assert.Equal((BadKind.Early, 500), (bad.Kind, bad.Step));
    }

    [Fact]
    public void Decoding_is_alpha_0_1_lambda_1_penalty_minus_20_on_20_token_prompts_8_continuations_of_400()
    {
        var g = Resolved().Generate;
        Assert.Equal((0.1, 1.0, -20.0, 1.0), (g.Alpha, g.Lambda, g.Penalty, g.Temperature));
        Assert.Equal((20, 8, 400), (g.PrefixTokens, g.Continuations, g.NewTokens));
        Assert.Equal((null, null, null), (g.MaxPrompts, g.TopK, g.TopP));
        Assert.True(g.KeepPrefix);
    }

    [Fact]
    public void Final_models_train_10_seeds_42_to_51()
    {
        Assert.Equal(Enumerable.Range(42, 10), Resolved().Final.Seeds);
    }
}
