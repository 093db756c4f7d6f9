using System.Security.Cryptography;
using System.Text.Json;

namespace ContrastivePipeline.Tests.Build.Publish;

/// <summary>The run's Workflow Run RO-Crate: the entities the profiles require, and every file it names as it names it.</summary>
[Collection(PublishedRun.Collection)]
public sealed class ProvenanceTests(PublishedRun run)
{
    [Fact]
    public void Crate_HasTheWorkflowRunProfilesRequiredEntities()
    {
        var (graph, byId) = Crate();
        var descriptor = byId["ro-crate-metadata.json"];
        Assert.Equal("./", descriptor.GetProperty("about").GetProperty("@id").GetString());
        Assert.Contains("https://w3id.org/ro/crate/1.1", Ids(descriptor, "conformsTo"));
        var root = byId["./"];
        Assert.Equal("Dataset", root.GetProperty("@type").GetString());
        Assert.Contains("https://w3id.org/ro/wfrun/workflow/0.5", Ids(root, "conformsTo"));
        Assert.Contains("https://w3id.org/ro/wfrun/process/0.5", Ids(root, "conformsTo"));
        Assert.All(Ids(root, "conformsTo"), p => Assert.Equal("CreativeWork", byId[p].GetProperty("@type").GetString()));
        var workflow = byId[root.GetProperty("mainEntity").GetProperty("@id").GetString()!];
        Assert.Equal(["File", "SoftwareSourceCode", "ComputationalWorkflow"], workflow.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("ComputerLanguage", byId[workflow.GetProperty("programmingLanguage").GetProperty("@id").GetString()!].GetProperty("@type").GetString());

        // The workflow's run: a CreateAction mentioned by the root, the main workflow as instrument, the report as result.
        var actions = Ids(root, "mentions").Select(id => byId[id]).ToList();
        Assert.All(actions, a => Assert.Equal("CreateAction", a.GetProperty("@type").GetString()));
        var wfrun = Assert.Single(actions, a => a.GetProperty("instrument").GetProperty("@id").GetString() == workflow.GetProperty("@id").GetString());
        Assert.Contains("report.json", Ids(wfrun, "result"));

        // Every instance of the run (to the report, and the exports) as an action: key, code, settings, times, inputs, outputs.
        var instances = actions.Where(a => a.GetProperty("@id").GetString() != "#run").ToList();
        Assert.Equal(run.Plan.Count + 4, instances.Count);
        foreach (var action in instances)
        {
            Assert.Equal(32, action.GetProperty("identifier").GetString()!.Length);
            var program = byId[action.GetProperty("instrument").GetProperty("@id").GetString()!];
            Assert.Equal("SoftwareApplication", program.GetProperty("@type").GetString());
            Assert.Equal(3, program.GetProperty("softwareRequirements").GetArrayLength());
            Assert.Contains(Ids(action, "object"), id => byId[id].TryGetProperty("name", out var n) && n.GetString() == "settings");
            Assert.True(action.GetProperty("startTime").GetDateTimeOffset() <= action.GetProperty("endTime").GetDateTimeOffset());
            Assert.NotEmpty(Ids(action, "result"));
        }
        Assert.Equal(graph.Count, byId.Count);
    }

    [Fact]
    public void EveryFileTheCrateNames_ExistsWithTheStatedSizeAndSha256()
    {
        var (graph, byId) = Crate();
        var files = graph.Where(e => e.GetProperty("@type") is var t && (t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Any(x => x.GetString() == "File") : t.GetString() == "File")).ToList();
        Assert.Contains(files, f => f.GetProperty("@id").GetString()!.EndsWith("/model.safetensors", StringComparison.Ordinal));
        Assert.Equal(files.Select(f => f.GetProperty("@id").GetString()).Order(), Ids(byId["./"], "hasPart").Order());
        foreach (var file in files)
        {
            var path = Path.Combine(run.Run, file.GetProperty("@id").GetString()!);
            Assert.True(File.Exists(path), path);
            Assert.Equal(new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), file.GetProperty("contentSize").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), file.GetProperty("sha256").GetString());
        }
    }

    (List<JsonElement> Graph, Dictionary<string, JsonElement> ById) Crate()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Run, "ro-crate-metadata.json")));
        var graph = document.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        return (graph, graph.GroupBy(e => e.GetProperty("@id").GetString()!).ToDictionary(g => g.Key, g => g.First()));
    }

    static List<string> Ids(JsonElement entity, string property) =>
        entity.GetProperty(property) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(e => e.GetProperty("@id").GetString()!)]
            : [entity.GetProperty(property).GetProperty("@id").GetString()!];
}
