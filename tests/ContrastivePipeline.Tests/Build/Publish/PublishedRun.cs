using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Publish;

/// <summary>
/// One smoke run through the host, shared by the tests of what a run publishes beside its results (TensorBoard curves,
/// model cards, the RO-Crate): the whole graph to the report, then Provenance (which exports too). Tests that run more use experiments of other
/// names, so this run's folder stays as it was made.
/// </summary>
public sealed class PublishedRun : IDisposable
{
    public const string Collection = "published smoke run";

    public static readonly string Smoke = File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml"));

    readonly TempFolder temp = new();

    public PublishedRun()
    {
        Pipeline = new Pipeline(temp.Path);
        Experiment = Pipeline.Experiment("smoke", Smoke);
        (var exit, Plan) = Pipeline.Run(Experiment, "--target=Evaluate");
        Assert.Equal(0, exit);
        Assert.Equal(0, Pipeline.Run(Experiment, "--target=Provenance").ExitCode);
    }

    internal Pipeline Pipeline { get; }

    public string Experiment { get; }

    /// <summary>The plan of the first run (to the report): every instance ran.</summary>
    internal List<PlanEntry> Plan { get; }

    public string Artifacts => temp.Path;

    public string Run => Path.Combine(temp.Path, "runs", "smoke");

    public void Dispose() => temp.Dispose();
}
