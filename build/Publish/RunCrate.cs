using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Publish;

/// <summary>
/// <c>runs/&lt;experiment&gt;/ro-crate-metadata.json</c>: the run as a Workflow Run RO-Crate (RO-Crate 1.1; Workflow Run
/// Crate, Process Run Crate 0.5 and Workflow RO-Crate 1.0). The resolved experiment is the main workflow and one
/// CreateAction its run, with the report as its result; every step instance is a CreateAction of its own, whose
/// instrument is the step program at its code hash, with its key, settings, toolchain, start and end (from its
/// manifest: when its bytes were made, also for an instance this run reused), and its input and output files.
/// </summary>
internal static class RunCrate
{
    public const string File = "ro-crate-metadata.json", Workflow = "config.resolved.yaml";

    static readonly string[] Profiles = ["https://w3id.org/ro/wfrun/process/0.5", "https://w3id.org/ro/wfrun/workflow/0.5", "https://w3id.org/workflowhub/workflow-ro-crate/1.0"];

    public static string Write(BuildContext context, IReadOnlyList<StepInstance> instances, IEnumerable<string> results)
    {
        var run = context.Paths.Run(context.Experiment.Name);
        var files = new CrateFiles(run);
        var entities = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var actions = instances.Select(i => InstanceAction.Describe(context, i, files, entities)).ToList();
        var manifests = instances.Select(i => i.Manifest!).ToList();
        var wfrun = new JsonObject
        {
            ["@id"] = "#run",
            ["@type"] = "CreateAction",
            ["name"] = $"{context.Command}",
            ["instrument"] = files.Ref(Workflow),
            ["startTime"] = manifests.Min(m => m.Started).ToString("O"),
            ["endTime"] = manifests.Max(m => m.Ended).ToString("O"),
            ["actionStatus"] = Ref("http://schema.org/CompletedActionStatus"),
            ["result"] = new JsonArray([.. results.Select(r => (JsonNode)files.Ref(r))]),
        };
        MainWorkflow(files);
        var graph = new JsonArray
        {
            new JsonObject
            {
                ["@id"] = File,
                ["@type"] = "CreativeWork",
                ["about"] = Ref("./"),
                ["conformsTo"] = new JsonArray(Ref("https://w3id.org/ro/crate/1.1"), Ref("https://w3id.org/workflowhub/workflow-ro-crate/1.0")),
            },
            Root(context, files, actions.Prepend(Ref("#run"))),
            wfrun,
            new JsonObject { ["@id"] = "#cake", ["@type"] = "ComputerLanguage", ["name"] = "Cake (C#), ContrastivePipeline's build host", ["url"] = "https://cakebuild.net/" },
        };
        foreach (var (id, name, version) in new[] { (Profiles[0], "Process Run Crate", "0.5"), (Profiles[1], "Workflow Run Crate", "0.5"), (Profiles[2], "Workflow RO-Crate", "1.0") })
            graph.Add(new JsonObject { ["@id"] = id, ["@type"] = "CreativeWork", ["name"] = name, ["version"] = version });
        foreach (var entity in entities.Values.Concat(files.Entities))
            graph.Add(entity);
        var crate = new JsonObject
        {
            ["@context"] = new JsonArray("https://w3id.org/ro/crate/1.1/context", "https://w3id.org/ro/terms/workflow-run/context"),
            ["@graph"] = graph,
        };
        var path = Path.Combine(run, File);
        RunRecord.Publish(path, tmp => System.IO.File.WriteAllText(tmp, crate.ToJsonString(Indented) + "\n"));
        return path;
    }

    // Indented, and "+" of a time zone kept as is (JSON-LD readers take escapes, people read the file too).
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Ref(string id) => new() { ["@id"] = id };

    static JsonObject Root(BuildContext context, CrateFiles files, IEnumerable<JsonObject> mentions) => new()
    {
        ["@id"] = "./",
        ["@type"] = "Dataset",
        ["name"] = $"ContrastivePipeline run of experiment {context.Experiment.Name}",
        ["description"] = $"Every step instance of the experiment, its key, code, settings, inputs and outputs. {ModelCard.Paper}.",
        ["datePublished"] = DateTimeOffset.UtcNow.ToString("O"),
        ["conformsTo"] = new JsonArray([.. Profiles.Select(p => (JsonNode)Ref(p))]),
        ["mainEntity"] = Ref(Workflow),
        ["mentions"] = new JsonArray([.. mentions.Select(m => (JsonNode)m)]),
        // Filled in last: every file the actions name.
        ["hasPart"] = new JsonArray([.. files.Entities.Select(f => (JsonNode)Ref((string)f["@id"]!))]),
    };

    /// <summary>The main workflow is a file of the crate too: its File entity, typed and named as the workflow.</summary>
    static JsonObject MainWorkflow(CrateFiles files)
    {
        var workflow = files.Entity(Workflow);
        workflow["@type"] = new JsonArray("File", "SoftwareSourceCode", "ComputationalWorkflow");
        workflow["name"] = "The experiment as run, every default filled in; the task graph is the Cake host's (--tree)";
        workflow["programmingLanguage"] = Ref("#cake");
        return workflow;
    }
}
