using System.Text.Json;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Planning;

/// <summary>Several BAD models in one experiment: one contrastive corpus and arm each, shared upstream work once.</summary>
public sealed class BadSweepTests : IDisposable
{
    const string OneBad = "bad:\n  kind: early\n  step: 10\n";

    // Two small BADs read two checkpoints of one small run; early and dropout read GOOD's run.
    const string FourBads = """
        bad:
          - kind: early
            step: 10
          - kind: small
            step: 20
            model: {layers: 1, hidden: 32, heads: 2, intermediate: 64, context: 64}
          - kind: small
            step: 40
            model: {layers: 1, hidden: 32, heads: 2, intermediate: 64, context: 64}
          - kind: dropout
            dropout: 0.3

        """;

    readonly TempFolder temp = new();
    readonly Pipeline pipeline;

    public BadSweepTests() => pipeline = new Pipeline(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void EachFinalRun_CarriesItsArm_StrategyAndBadAsTypedData()
    {
        var plan = InProcessPlan.Plan(Path.Combine(Repo.Root, "experiments", "sweep-bad.yaml"), temp.Path);
        var arms = plan.Where(p => p.Instance.Task == "TrainFinal").Select(p => p.Instance.Arm!).DistinctBy(a => a.Name).ToDictionary(a => a.Name);

        Assert.Equal((null, null), (arms["baseline"].Strategy, arms["baseline"].Bad));
        Assert.DoesNotContain("ancestral", arms.Keys); // sweep-bad.yaml makes contrastive corpora only
        Assert.Equal(DecodingStrategy.Named("contrastive"), arms["contrastive-early-100"].Strategy);
        Assert.Equal(100, arms["contrastive-early-100"].Bad!.Step);
        Assert.Equal(0.7, arms["contrastive-dropout-0.7"].Bad!.Dropout);
    }

    static string Sweep()
    {
        var smoke = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml"));
        Assert.Contains(OneBad, smoke);
        return smoke.Replace(OneBad, FourBads);
    }

    static string[] Instances(List<PlanEntry> plan, string task) => [.. plan.Where(e => e.Task == task).Select(e => e.Instance)];

    [Fact]
    public void Plan_HasOneCorpusAndArmPerBad_AndTrainsASharedSmallModelOnce()
    {
        var (exit, plan) = pipeline.Run(pipeline.Experiment("sweep", Sweep()), ["--dryrun", "--target=Evaluate"]);
        Assert.Equal(0, exit);

        string[] corpora = ["contrastive-early-10", "contrastive-small-20", "contrastive-small-40", "contrastive-dropout-0.3"];
        Assert.Single(Instances(plan, "TrainGood"));
        Assert.Equal(["bad-small"], Instances(plan, "TrainBad"));
        Assert.Equal(["ancestral"], Instances(plan, "GenerateAncestral"));
        Assert.Equal(corpora, Instances(plan, "GenerateContrastive"));
        Assert.Equal(["ancestral", .. corpora], Instances(plan, "Mix"));
        Assert.Equal(["baseline-seed42", "ancestral-seed42", .. corpora.Select(c => c + "-seed42")], Instances(plan, "TrainFinal"));
    }

    [Fact]
    public void Run_GeneratesADifferentCorpusPerBad()
    {
        var (exit, _) = pipeline.Run(pipeline.Experiment("sweep", Sweep()), ["--target=GenerateContrastive"]);
        Assert.Equal(0, exit);
        var corpora = Directory.GetDirectories(Path.Combine(temp.Path, "runs", "sweep"), "GenerateContrastive-*");
        Assert.Equal(4, corpora.Length);
        Assert.Equal(4, corpora.Select(c => new FileInfo(c).LinkTarget).Distinct().Count());   // four keys, four artifacts
        Assert.All(corpora, c => Assert.Contains("\"strategy\": \"contrastive\"", File.ReadAllText(Path.Combine(c, "stats.json"))));
        Assert.Equal(4, corpora.Select(c => File.ReadAllText(Path.Combine(c, "corpus.txt"))).Distinct().Count());

        // PAPER.md 3.4: the small BAD is its own run, seed 42, while GOOD's run is seed 43.
        var specs = Directory.GetFiles(Path.Combine(temp.Path, "specs"), "Train-*.json").Select(Json.Read<StepSpec>).ToList();
        var small = specs.Single(s => s.Instance == "bad-small");
        var good = specs.Single(s => s.Instance == "base");
        Assert.Equal((42, 43), (small.Seed, good.Seed));
        Assert.Equal(42, small.Settings.Deserialize<TrainSettings>(Json.Options)!.Seed);
    }
}
