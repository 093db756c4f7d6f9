using System.Text.RegularExpressions;

namespace ContrastivePipeline.Artifacts;

/// <summary>The code a step runs: the hash of its key's code part, and the hash of each method and type in it.</summary>
/// <param name="Members">Method (<c>Ns.Type::Name(parameters):return</c>) or type (<c>Ns.Type (type)</c>) to its hash.</param>
public sealed partial record StepCode(string Hash, IReadOnlyDictionary<string, string> Members)
{
    /// <summary>Which methods and types differ between two recordings, a few by name then "and N more".</summary>
    public static string Describe(IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> now, int shown = 3)
    {
        var changed = old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Where(k => old.GetValueOrDefault(k) != now.GetValueOrDefault(k))
            .Select(k => Display(k) + (!old.ContainsKey(k) ? " (new)" : !now.ContainsKey(k) ? " (gone)" : "")).ToList();
        if (changed.Count == 0)
            return "(the same methods)";
        var named = string.Join(", ", changed.Take(shown));
        return changed.Count > shown ? $"{named} and {changed.Count - shown} more" : named;
    }

    /// <summary><c>Ns.Type.Name(Parameter, ...)</c>: parameter types without namespaces, no return type.</summary>
    public static string Display(string member)
    {
        var open = member.IndexOf('(');
        if (open < 0 || member.EndsWith(" (type)", StringComparison.Ordinal))
            return member;
        var close = member.LastIndexOf("):", StringComparison.Ordinal);
        var parameters = Namespaces().Replace(member[(open + 1)..(close < 0 ? member.Length : close)], "");
        return $"{member[..open].Replace("::", ".")}({parameters.Replace(",", ", ")})";
    }

    [GeneratedRegex(@"(?:[A-Za-z_][A-Za-z0-9_`]*\.)+")]
    private static partial Regex Namespaces();
}
