using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Steps;
using ContrastivePipeline.Tests.TensorBoard;

namespace ContrastivePipeline.Tests.Build.Publish;

/// <summary>TensorBoard event files of a run through the host: written live by each step, and from the store for a run that reuses.</summary>
[Collection(PublishedRun.Collection)]
public sealed class TensorBoardRunTests(PublishedRun run)
{
    [Fact]
    public void EveryInstanceGetsItsCurves_LiveInItsRun_AndFromTheStoreInAnotherExperimentThatReusesIt()
    {
        var live = Curves("smoke");
        // smoke.yaml: 40 steps, checkpoints every 10; GOOD evaluated at step 30; early BAD, so no TrainBad run.
        Assert.Equal(40, live["base"].Count(p => p.Tag == "train/loss"));
        Assert.Contains(live["base"], p => p.Tag == "train/tokens_per_s");
        Assert.DoesNotContain(live["baseline-seed42"], p => p.Tag == "train/synthetic_share");
        Assert.Contains(live["contrastive-seed42"], p => p.Tag == "train/synthetic_share" && p.Value == 0.25f);
        Assert.Contains(live["contrastive"], p => p.Tag == "generate/samples_per_s");
        Assert.Equal([10L, 20, 30, 40], live["ancestral-seed42"].Where(p => p.Tag == "eval/perplexity").Select(p => p.Step));
        Assert.Contains(live["good-seed43"], p => p.Tag == "eval/perplexity" && p.Step == 30);
        Assert.Contains(live["report/contrastive"], p => p.Tag.StartsWith("report/muDeltaREL/best/", StringComparison.Ordinal) && p.Step == 40);

        // The folder is launch information, not configuration: every spec names it, and no key depends on it.
        var specs = Directory.EnumerateFiles(Path.Combine(run.Artifacts, "specs"), "*.json").Select(Json.Read<StepSpec>).ToList();
        Assert.Equal(run.Plan.Select(e => e.Instance).Order(), specs.Where(s => s.Step != "Export").Select(s => s.Instance).Order());
        Assert.All(specs, s => Assert.Equal(Path.Combine(run.Run, "tensorboard", s.Instance), s.TensorBoard));
        var other = run.Pipeline.Run(run.Pipeline.Experiment("other", PublishedRun.Smoke.Replace("corpus:\n", "name: other\ncorpus:\n")), "--target=Evaluate");
        Assert.Equal(0, other.ExitCode);
        Assert.All(other.Plan, e => Assert.Equal(PlanEntry.Cached, e.Status));

        var stored = Curves("other");
        Assert.Equal(live.Keys.Order(), stored.Keys.Order());
        foreach (var (instance, points) in live)
        {
            // Speeds are printed, not stored; every other point comes back from the store as it was logged.
            Assert.Equal(Sorted(points.Where(p => !p.Tag.EndsWith("_per_s", StringComparison.Ordinal) && p.Tag != "generate/tokens")),
                Sorted(stored[instance].Where(p => p.Tag != "generate/tokens")));
        }
        Assert.Equal(live["contrastive"].Where(p => p.Tag == "generate/tokens").Last(), stored["contrastive"].Last());
    }

    static List<(string Tag, long Step, float Value)> Sorted(IEnumerable<(string Tag, long Step, float Value)> points) =>
        [.. points.OrderBy(p => p.Tag, StringComparer.Ordinal).ThenBy(p => p.Step)];

    /// <summary>Every run folder under the experiment's tensorboard/ and the scalars of its event files, in file order.</summary>
    Dictionary<string, List<(string Tag, long Step, float Value)>> Curves(string experiment)
    {
        var root = Path.Combine(run.Artifacts, "runs", experiment, "tensorboard");
        return Directory.EnumerateFiles(root, "events.out.tfevents.*", SearchOption.AllDirectories)
            .GroupBy(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!))
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal)
                .SelectMany(f => EventFileReader.Read(f).SelectMany(e => e.Scalars.Select(s => (s.Tag, e.Step, s.Value)))).ToList());
    }
}
