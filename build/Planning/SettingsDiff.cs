using System.Text.Json.Nodes;

namespace ContrastivePipeline.Build.Planning;

/// <summary>Which values of a step's settings changed between two runs, as "train.steps 40 -> 50" (JSON paths, snake_case).</summary>
internal static class SettingsDiff
{
    public static string Describe(string oldJson, string newJson)
    {
        var (old, now) = (Flatten(oldJson), Flatten(newJson));
        var changes = old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Where(k => old.GetValueOrDefault(k) != now.GetValueOrDefault(k))
            .Select(k => $"{k} {old.GetValueOrDefault(k) ?? "(none)"} -> {now.GetValueOrDefault(k) ?? "(none)"}").ToList();
        return changes.Count == 0 ? "(the same values)" : string.Join(", ", changes);
    }

    static Dictionary<string, string> Flatten(string json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(json), "");
        return values;

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                        Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                    break;
                case JsonArray array when array.All(a => a is JsonValue or null):
                    values[path] = array.ToJsonString();
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                        Walk(array[i], $"{path}[{i}]");
                    break;
                default:
                    values[path] = node?.ToJsonString() ?? "null";
                    break;
            }
        }
    }
}
