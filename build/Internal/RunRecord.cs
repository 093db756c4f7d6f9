using ContrastivePipeline.Artifacts;

namespace ContrastivePipeline.Build.Internal;

/// <summary>
/// <c>artifacts/runs/&lt;experiment&gt;/</c>: the resolved config, a link per instance to its artifact, the key parts
/// of each instance's last run (so the next plan can say what changed), and the run summary.
/// </summary>
internal sealed class RunRecord
{
    const string InstancesFile = "instances.json";
    readonly string folder;
    readonly Dictionary<string, KeyParts> instances;
    readonly List<object> summary = [];

    public RunRecord(string folder)
    {
        this.folder = folder;
        var path = Path.Combine(folder, InstancesFile);
        instances = File.Exists(path) ? Json.Read<Dictionary<string, KeyParts>>(path) : [];
    }

    public KeyParts? LastParts(string id) => instances.GetValueOrDefault(id);

    public void Start(string resolvedConfig)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.resolved.yaml"), resolvedConfig);
    }

    public void Done(StepInstance instance, string status, double seconds)
    {
        instances[instance.Id] = instance.Parts;
        Json.Write(Path.Combine(folder, InstancesFile), instances);
        var link = Path.Combine(folder, $"{instance.Task}-{instance.Instance}");
        if (Directory.Exists(link) || File.Exists(link))
            File.Delete(link);
        Directory.CreateSymbolicLink(link, Path.GetRelativePath(folder, instance.Folder));
        summary.Add(new { instance.Task, instance.Instance, instance.Step, instance.Key, Status = status, Seconds = seconds, instance.Folder });
    }

    public void Finish(string experiment, string target, bool succeeded, double seconds) =>
        Json.Write(Path.Combine(folder, "summary.json"),
            new { Experiment = experiment, Target = target, Succeeded = succeeded, Seconds = seconds, Finished = DateTimeOffset.UtcNow, Instances = summary });
}
