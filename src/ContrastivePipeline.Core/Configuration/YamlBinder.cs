using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// Binds a parsed YAML mapping onto a record with defaults, collecting every unknown key and wrong type with its line.
/// YamlDotNet parses; this binder exists because its deserializer stops at the first problem and its messages do not
/// say which keys are allowed.
/// </summary>
internal sealed class YamlBinder
{
    readonly List<(Mark Mark, string Key, string Message)> errors = [];
    readonly Dictionary<string, Mark> marks = [];
    readonly NullabilityInfoContext nullability = new();

    public IReadOnlyList<(Mark Mark, string Key, string Message)> Errors => errors;

    public Mark? MarkOf(string key) => marks.TryGetValue(key, out var mark) ? mark : null;

    public T Bind<T>(YamlMappingNode node) where T : new() => (T)BindRecord(node, typeof(T), "");

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    object BindRecord(YamlMappingNode node, Type type, string path)
    {
        var instance = Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite).ToDictionary(p => SnakeCase(p.Name));
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var key = path.Length == 0 ? name : $"{path}.{name}";
            marks[key] = keyNode.Start;
            if (!properties.TryGetValue(name, out var property))
            {
                var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
                errors.Add((keyNode.Start, key, $"unknown key; allowed {where}: {string.Join(", ", properties.Keys)}"));
                continue;
            }
            var nullAllowed = nullability.Create(property).WriteState != NullabilityState.NotNull;
            if (TryConvert(valueNode, property.PropertyType, nullAllowed, key, out var value))
                property.SetValue(instance, value);
        }
        return instance;
    }

    /// <param name="nullAllowed">Whether the target may hold null (a value left empty binds to it).</param>
    bool TryConvert(YamlNode node, Type type, bool nullAllowed, string key, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || !type.IsValueType;
        type = underlying ?? type;
        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);
        if (node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain } && nullable)
        {
            // A section, list or text written with nothing after its colon would bind to null and fail far from here.
            if (list || (type.IsClass && type != typeof(string)))
                return Fail(node, key, $"is empty: give it {(list ? "a list" : "its keys")}, or remove the line to keep the defaults");
            return nullAllowed || Fail(node, key, "is empty: give it a value, or remove the line to keep the default");
        }
        if (list)
            return TryConvertList(node, type, key, out value);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return TryConvertMap(node, type, key, out value);
        if (type.IsClass && type != typeof(string) && type != typeof(DecodingStrategy))
        {
            if (node is YamlMappingNode mapping)
            {
                value = BindRecord(mapping, type, key);
                return true;
            }
            return Fail(node, key, "expects a section (a mapping of keys to values)");
        }
        if (node is not YamlScalarNode { Value: { } text })
            return Fail(node, key, $"expects {Describe(type)}, got a {(node is YamlSequenceNode ? "list" : "section")}");
        value = ParseScalar(text, type);
        return value is not null || Fail(node, key, $"expects {Describe(type)}, got '{text}'");
    }

    bool TryConvertList(YamlNode node, Type type, string key, out object? value)
    {
        value = null;
        var itemType = type.GetGenericArguments()[0];
        var list = (System.Collections.IList)Activator.CreateInstance(type)!;
        var sections = itemType.IsClass && itemType != typeof(string) && itemType != typeof(DecodingStrategy);
        if (node is YamlMappingNode single && sections)
        {
            // A list of sections may be written as one section: 'bad: {kind: early}' is 'bad: [{kind: early}]'.
            list.Add(BindRecord(single, itemType, key));
            value = list;
            return true;
        }
        if (node is not YamlSequenceNode sequence)
            return Fail(node, key, sections ? "expects a section or a list of sections" : "expects a list, e.g. [1, 2]");
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemKey = sections ? ItemKey(key, i, sequence.Children.Count) : key;
            if (TryConvert(sequence.Children[i], itemType, Nullable.GetUnderlyingType(itemType) is not null, itemKey, out var converted))
                list.Add(converted);
            else
                ok = false;
        }
        value = list;
        return ok;
    }

    /// <summary>A section whose keys are names (e.g. task names under 'resources'), each bound as a value of the map.</summary>
    bool TryConvertMap(YamlNode node, Type type, string key, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping)
            return Fail(node, key, "expects a section (a mapping of names to values)");
        var map = (System.Collections.IDictionary)Activator.CreateInstance(type)!;
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            marks[$"{key}.{name}"] = keyNode.Start;
            var valueType = type.GetGenericArguments()[1];
            if (TryConvert(valueNode, valueType, Nullable.GetUnderlyingType(valueType) is not null, $"{key}.{name}", out var converted))
                map[name] = converted;
            else
                ok = false;
        }
        value = map;
        return ok;
    }

    /// <summary>How errors name the i-th of <paramref name="count"/> sections of a list: 'bad' when alone, else 'bad[i]'.</summary>
    public static string ItemKey(string key, int i, int count) => count == 1 ? key : $"{key}[{i}]";

    static object? ParseScalar(string text, Type type)
    {
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(string))
            return text;
        if (type == typeof(int))
            return int.TryParse(text.Replace("_", ""), NumberStyles.Integer, inv, out var i) ? i : null;
        if (type == typeof(long))
            return long.TryParse(text.Replace("_", ""), NumberStyles.Integer, inv, out var l) ? l : null;
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d) ? d : ParseInfinity(text);
        if (type == typeof(bool))
            return text switch { "true" or "yes" => true, "false" or "no" => false, _ => null };
        if (type == typeof(DecodingStrategy))
            return DecodingStrategy.Find(text);
        if (type.IsEnum)
            return Enum.GetNames(type).FirstOrDefault(n => SnakeCase(n).Replace("_", "-") == text || SnakeCase(n) == text) is { } name
                ? Enum.Parse(type, name) : null;
        return null;
    }

    static object? ParseInfinity(string text) => text switch
    {
        "-inf" or "-.inf" => double.NegativeInfinity,
        _ => null,
    };

    static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(DecodingStrategy) ? "one of: " + string.Join(", ", DecodingStrategy.All)
        : type.IsEnum ? "one of: " + string.Join(", ", Enum.GetNames(type).Select(n => SnakeCase(n).Replace("_", "-")))
        : "text";

    bool Fail(YamlNode node, string key, string message)
    {
        errors.Add((node.Start, key, message));
        return false;
    }
}
