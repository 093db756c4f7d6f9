using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Build.Planning;

/// <summary>What the plan says changed for an instance that reruns: the methods of its code, not only a hash.</summary>
public sealed class PlanReasonTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>default.yaml's Corpus instance, recorded as run by the last run of the experiment.</summary>
    (string File, StepInstance Corpus, string Run) CorpusRecorded()
    {
        var file = new Pipeline(temp.Path).Experiment("default", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "default.yaml")));
        var corpus = InProcessPlan.Plan(file, temp.Path).Single(p => p.Entry.Task == "Corpus").Instance;
        var run = Path.Combine(temp.Path, "runs", "default");
        var record = new RunRecord(run);
        record.Start("");
        record.Done(corpus, PlanEntry.Run, null, null);
        return (file, corpus, run);
    }

    [Fact]
    public void ChangedCode_IsNamedByMethod_FromTheLastRunsRecordedMethods()
    {
        var (file, corpus, run) = CorpusRecorded();

        // As if the last run had been made by a build whose CorpusStep.Run differed.
        var method = corpus.Code.Members.Keys.Single(k => k.StartsWith("ContrastivePipeline.Corpus.CorpusStep::Run(", StringComparison.Ordinal));
        var instances = Json.Read<Dictionary<string, KeyParts>>(Path.Combine(run, "instances.json"));
        instances[corpus.Id] = instances[corpus.Id] with { Code = "old" };
        Json.Write(Path.Combine(run, "instances.json"), instances);
        Json.Write(Path.Combine(run, "code.json"), new Dictionary<string, Dictionary<string, string>>
        {
            ["old"] = corpus.Code.Members.ToDictionary(m => m.Key, m => m.Key == method ? "different" : m.Value),
        });

        var entry = InProcessPlan.Plan(file, temp.Path).Single(p => p.Entry.Task == "Corpus").Entry;
        Assert.Equal("changed: code ContrastivePipeline.Corpus.CorpusStep.Run(StepContext)", entry.Reason);
    }

    [Fact]
    public void ChangedCode_WithoutARecordOfTheOldMethods_IsSaidAsHashes()
    {
        var (file, corpus, run) = CorpusRecorded();
        var instances = Json.Read<Dictionary<string, KeyParts>>(Path.Combine(run, "instances.json"));
        instances[corpus.Id] = instances[corpus.Id] with { Code = "0123456789abcdef" };
        Json.Write(Path.Combine(run, "instances.json"), instances);

        var entry = InProcessPlan.Plan(file, temp.Path).Single(p => p.Entry.Task == "Corpus").Entry;
        Assert.Equal($"changed: code 01234567 -> {Hash.Short(corpus.Code.Hash)}", entry.Reason);
    }
}
