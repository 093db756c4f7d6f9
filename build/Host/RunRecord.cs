using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Host;

/// <summary>
/// <c>artifacts/runs/&lt;experiment&gt;/</c>: the resolved config, a link per instance to its artifact, the key parts
/// and settings of each instance's last run and the methods of each code hash they used (so the next plan can say what
/// changed), and the run summary.
/// </summary>
internal sealed class RunRecord
{
    const string InstancesFile = "instances.json", SettingsFile = "settings.json", CodeFile = "code.json";
    readonly string folder;
    readonly Dictionary<string, KeyParts> instances;
    readonly Dictionary<string, string> settings;
    readonly Dictionary<string, IReadOnlyDictionary<string, string>> code;
    readonly List<object> summary = [];

    public RunRecord(string folder)
    {
        this.folder = folder;
        var path = Path.Combine(folder, InstancesFile);
        instances = File.Exists(path) ? Json.Read<Dictionary<string, KeyParts>>(path) : [];
        var settingsPath = Path.Combine(folder, SettingsFile);
        settings = File.Exists(settingsPath) ? Json.Read<Dictionary<string, string>>(settingsPath) : [];
        var codePath = Path.Combine(folder, CodeFile);
        code = File.Exists(codePath) ? Json.Read<Dictionary<string, IReadOnlyDictionary<string, string>>>(codePath) : [];
    }

    public KeyParts? LastParts(string id) => instances.GetValueOrDefault(id);

    /// <summary>The canonical settings JSON of the instance's last run, if recorded.</summary>
    public string? LastSettings(string id) => settings.GetValueOrDefault(id);

    /// <summary>The hash of each method and type under a code hash an earlier run of this experiment used, if recorded.</summary>
    public IReadOnlyDictionary<string, string>? LastCode(string codeHash) => code.GetValueOrDefault(codeHash);

    public void Start(string resolvedConfig)
    {
        Directory.CreateDirectory(folder);
        Publish(Path.Combine(folder, "config.resolved.yaml"), tmp => File.WriteAllText(tmp, resolvedConfig));
    }

    /// <summary>Records a finished instance; <paramref name="started"/> and <paramref name="ended"/> (null when reused) make the run's timeline.</summary>
    public void Done(StepInstance instance, string status, DateTimeOffset? started, DateTimeOffset? ended)
    {
        instances[instance.Id] = instance.Parts!;
        Json.Write(Path.Combine(folder, InstancesFile), instances);
        settings[instance.Id] = instance.SettingsJson;
        Json.Write(Path.Combine(folder, SettingsFile), settings);
        if (code.TryAdd(instance.Code.Hash, instance.Code.Members))
        {
            // Only the code of the instances' last runs can be asked for: the others are dropped.
            var used = instances.Values.Select(p => p.Code).ToHashSet();
            foreach (var stale in code.Keys.Where(k => !used.Contains(k)).ToList())
                code.Remove(stale);
            Json.Write(Path.Combine(folder, CodeFile), code);
        }
        Link(Path.Combine(folder, $"{instance.Task}-{instance.Instance}"), Path.GetRelativePath(folder, instance.Folder));
        var seconds = (ended - started)?.TotalSeconds ?? 0;
        summary.Add(new { instance.Task, instance.Instance, instance.Step, instance.Key, Status = status, Started = started, Ended = ended, Seconds = seconds, instance.Folder });
    }

    /// <summary>Writes a file of the run folder through a temporary name, so a concurrent run of the same experiment never sees half of it.</summary>
    public static void Publish(string path, Action<string> write) => AtomicFile.Write(path, write);

    /// <summary>Points a link at an artifact; a concurrent run of the same experiment may replace it at the same time.</summary>
    static void Link(string link, string target)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (new FileInfo(link).LinkTarget == target)
                return;
            try
            {
                if (Path.Exists(link) || new FileInfo(link).LinkTarget is not null)
                    File.Delete(link);
                Directory.CreateSymbolicLink(link, target);
                return;
            }
            catch (IOException) when (attempt < 3)
            {
            }
        }
    }

    public void Finish(string experiment, string target, bool succeeded, double seconds) =>
        Json.Write(Path.Combine(folder, "summary.json"),
            new { Experiment = experiment, Target = target, Succeeded = succeeded, Seconds = seconds, Finished = DateTimeOffset.UtcNow, Instances = summary });
}
