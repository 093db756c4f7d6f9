using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ContrastivePipeline.Build.Publish;

/// <summary>
/// The File entities of a run's crate, each once, with its size and SHA-256 (what `sha256sum` checks; the store's own
/// XxHash128 needs a tool few reviewers have). Paths are relative to the run folder, through its link to each instance.
/// </summary>
internal sealed class CrateFiles(string root)
{
    readonly SortedDictionary<string, JsonObject> files = new(StringComparer.Ordinal);

    public IEnumerable<JsonObject> Entities => files.Values;

    /// <summary>The file's entity reference; the file is hashed the first time it is named.</summary>
    public JsonObject Ref(string id)
    {
        Entity(id);
        return RunCrate.Ref(id);
    }

    /// <summary>The file's entity, to add to.</summary>
    public JsonObject Entity(string id)
    {
        if (!files.ContainsKey(id))
        {
            var path = Path.Combine(root, id);
            using var stream = File.OpenRead(path);
            files[id] = new JsonObject
            {
                ["@id"] = id,
                ["@type"] = "File",
                ["contentSize"] = stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)),
            };
        }
        return files[id];
    }
}
