using System.Text.Json.Nodes;
using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Publish;

/// <summary>One step instance of a run's crate: a CreateAction, its step program at its code hash, its settings and toolchain.</summary>
internal static class InstanceAction
{
    /// <summary>Adds the instance's entities; returns a reference to its action.</summary>
    public static JsonObject Describe(BuildContext context, StepInstance instance, CrateFiles files, Dictionary<string, JsonObject> entities)
    {
        var manifest = instance.Manifest!;
        var id = $"#{instance.Task}-{instance.Instance}";
        var program = Program(context, instance, entities);
        entities[id + "/settings"] = Value(id + "/settings", "settings", instance.SettingsJson);
        entities[id + "/device"] = Value(id + "/device", "device", manifest.Versions.Device);
        var inputs = new JsonArray(RunCrate.Ref(id + "/settings"), RunCrate.Ref(id + "/device"));
        foreach (var (name, input) in instance.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            foreach (var file in Files(input, entities, name))
                inputs.Add(file is { } path ? files.Ref(path) : RunCrate.Ref(DataId(input)));
        }
        var link = $"{instance.Task}-{instance.Instance}";
        entities[id] = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "CreateAction",
            ["name"] = instance.Id,
            ["identifier"] = instance.Key,
            ["instrument"] = program,
            ["startTime"] = manifest.Started.ToString("O"),
            ["endTime"] = manifest.Ended.ToString("O"),
            ["actionStatus"] = RunCrate.Ref("http://schema.org/CompletedActionStatus"),
            ["object"] = inputs,
            ["result"] = new JsonArray([.. manifest.Outputs.Keys.Where(f => !manifest.IsDropped(f)).Select(f => (JsonNode)files.Ref($"{link}/{f}"))]),
        };
        return RunCrate.Ref(id);
    }

    /// <summary>The step program at this code hash (one entity per step and hash), with the toolchain it ran on.</summary>
    static JsonObject Program(BuildContext context, StepInstance instance, Dictionary<string, JsonObject> entities)
    {
        var toolchain = context.Toolchain;
        var tools = new[] { ("#torchsharp", "TorchSharp", toolchain.TorchSharp), ("#libtorch", "libtorch", toolchain.Libtorch), ("#dotnet", ".NET", toolchain.Dotnet) };
        foreach (var (toolId, name, version) in tools)
            entities[toolId] = new JsonObject { ["@id"] = toolId, ["@type"] = "SoftwareApplication", ["name"] = name, ["softwareVersion"] = version };
        var id = $"#step-{instance.Step}-{instance.Parts!.Code}";
        entities[id] = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "SoftwareApplication",
            ["name"] = $"ContrastivePipeline step {instance.Step}",
            ["description"] = "The step CLI (src/ContrastivePipeline); its version is the code hash of the methods this step can run",
            ["softwareVersion"] = instance.Parts.Code,
            ["softwareRequirements"] = new JsonArray([.. tools.Select(t => (JsonNode)RunCrate.Ref(t.Item1))]),
        };
        return RunCrate.Ref(id);
    }

    /// <summary>The input's files through the run folder's link to its source (null for a data folder, described as a whole).</summary>
    static IEnumerable<string?> Files(StepInput input, Dictionary<string, JsonObject> entities, string name)
    {
        if (input is ArtifactInput artifact)
        {
            var (source, under) = (artifact.Source, artifact.Under);
            var manifest = source.Manifest!;
            return manifest.Outputs.Keys.Where(f => !manifest.IsDropped(f) && (under.Length == 0 || f.StartsWith(under + "/", StringComparison.Ordinal)))
                .Select(f => (string?)$"{source.Task}-{source.Instance}/{f}");
        }
        entities[DataId(input)] = new JsonObject
        {
            ["@id"] = DataId(input),
            ["@type"] = "Dataset",
            ["name"] = $"{name}: data folder {input.Folder}",
            ["description"] = "Outside the store; identifier: the store's XxHash128 over its files' names and contents (the key part it gave)",
            ["identifier"] = input.Content,
        };
        return [null];
    }

    static string DataId(StepInput input) => new Uri(input.Folder).AbsoluteUri + "/";

    static JsonObject Value(string id, string name, string value) =>
        new() { ["@id"] = id, ["@type"] = "PropertyValue", ["name"] = name, ["value"] = value };
}
