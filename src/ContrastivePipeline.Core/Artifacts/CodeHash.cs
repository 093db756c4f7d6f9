using System.Reflection;
using System.Reflection.Metadata;
using ContrastivePipeline.Artifacts.Code;

namespace ContrastivePipeline.Artifacts;

/// <summary>
/// The code part of a step's key, derived from the compiled step CLI (and Core beside it), with no list kept by hand:
/// every method and type of ours reachable from the step's entry, each hashed by its IL with tokens resolved to names.
/// From the entry, a method reaches what its IL names (calls, delegates, fields, types, generic arguments); a type
/// reaches its static and instance constructors (field initialisers), property accessors and field types (serializers
/// use them without IL of ours), and the overrides of external virtuals (ToString, MoveNext, ...); a reached virtual or
/// interface method of ours reaches its overrides in reached types; a reached abstract class reaches every class of ours
/// derived from it (class hierarchy analysis), so what a registry creates by reflection is in. Settings may choose
/// among such classes (<see cref="Steps.IChoosesCode"/>: Generate's strategy): then a class that the hierarchy alone
/// brings in and whose constructors take only an unchosen sibling of a chosen type (ContrastiveDecoding, for the
/// ancestral strategy) is in the key by its declaration and constructor signatures (what reflection reads), not by its
/// code. So an edit to code a step cannot reach, or a comment, changes none of its key. Third-party code is covered by
/// the toolchain part.
/// </summary>
public sealed class CodeHash
{
    /// <summary>Every step runs through the step command (spec, lock, input check, commit), then its own IStep class.</summary>
    const string Runner = "ContrastivePipeline.Steps.StepCommand", Contract = "ContrastivePipeline.Steps.IStep";

    readonly CodeModel model;
    readonly MemberText text;
    readonly Dictionary<string, StepCode> steps = [];
    readonly Dictionary<CodeMember, HashSet<CodeMember>> ancestors = [];

    CodeHash(IEnumerable<string> assemblies)
    {
        model = new(assemblies);
        text = new(model);
    }

    /// <summary>Reads the step CLI and the Core assembly (by default the one beside it), the code our steps run.</summary>
    public static CodeHash Load(string stepCli, string? core = null) =>
        new([stepCli, core ?? Path.Combine(Path.GetDirectoryName(stepCli)!, "ContrastivePipeline.Core.dll")]);

    /// <summary>The code a step runs with settings that choose <paramref name="chosen"/> (full type names), computed once each.</summary>
    public StepCode For(string step, IReadOnlyCollection<string>? chosen = null)
    {
        var names = chosen?.Order(StringComparer.Ordinal).ToList() ?? [];
        var id = string.Join("|", names.Prepend(step));
        if (!steps.TryGetValue(id, out var code))
            steps[id] = code = Compute(step, [.. names.Select(Named)]);
        return code;
    }

    StepCode Compute(string step, HashSet<CodeMember> chosen)
    {
        var (methods, types, virtuals, work) = (new HashSet<CodeMember>(), new HashSet<CodeMember>(), new List<CodeMember>(), new Queue<CodeMember>());
        var unchosen = chosen.SelectMany(Siblings).Except(chosen).ToHashSet();
        var declared = new HashSet<CodeMember>(); // reached by the hierarchy alone, for an unchosen sibling: declaration only
        void Reach(CodeMember member, bool byHierarchy = false)
        {
            if (member.Handle.Kind == HandleKind.MethodDefinition)
            {
                if (methods.Add(member))
                    work.Enqueue(member);
            }
            else if (byHierarchy && unchosen.Count > 0 && TakesOnly(member, unchosen, chosen))
            {
                declared.Add(member);
            }
            else if (types.Add(member))
            {
                foreach (var reached in text.Type(member).Reached.Concat(Implicit(member)))
                    Reach(reached);
                foreach (var method in virtuals.SelectMany(v => Overrides(member, v)).ToList())
                    Reach(method);
                foreach (var subclass in Subclasses(member))
                    Reach(subclass, byHierarchy: true);
            }
        }
        foreach (var root in Roots(step))
            Reach(root);
        while (work.TryDequeue(out var method))
        {
            foreach (var reached in text.Method(method).Reached)
                Reach(reached);
            if ((Definition(method).Attributes & MethodAttributes.Virtual) != 0)
            {
                virtuals.Add(method);
                foreach (var found in types.SelectMany(t => Overrides(t, method)).ToList())
                    Reach(found);
            }
        }
        var members = methods.Select(m => (Name: model.MethodName(m.Assembly, (MethodDefinitionHandle)m.Handle), text.Method(m).Hash))
            .Concat(types.Select(t => (Name: model.DefinitionName(t.Assembly, (TypeDefinitionHandle)t.Handle) + " (type)", text.Type(t).Hash)))
            .Concat(declared.Except(types).Select(t => (Name: model.DefinitionName(t.Assembly, (TypeDefinitionHandle)t.Handle) + " (type, not chosen)",
                Hash.OfParts([text.Type(t).Hash, .. Constructors(t).Select(c => model.MethodName(c.Assembly, (MethodDefinitionHandle)c.Handle))]))))
            .Order().ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, hash) in members)
        {
            var key = name;
            for (var i = 2; map.ContainsKey(key); i++)
                key = $"{name}#{i}";
            map[key] = hash;
        }
        return new(Hash.OfParts([.. map.Select(m => $"{m.Key}={m.Value}")]), map);
    }

    /// <summary>The step command's Run and the IStep class whose Name is <paramref name="step"/>.</summary>
    IEnumerable<CodeMember> Roots(string step)
    {
        var runner = Named(Runner);
        var contract = Named(Contract);
        var classes = model.Types().Where(t => Ancestors(t).Contains(contract) && NameOf(t) == step).ToList();
        if (classes.Count != 1)
            throw new InvalidOperationException($"the step CLI has {classes.Count} IStep classes named '{step}'; expected one");
        return [runner, classes[0], .. MethodsOf(runner).Where(m => model.Reader(m.Assembly).GetString(Definition(m).Name) == "Run")];
    }

    CodeMember Named(string name) => model.Types().FirstOrDefault(t => model.DefinitionName(t.Assembly, (TypeDefinitionHandle)t.Handle) == name) is { Handle.IsNil: false } type
        ? type : throw new InvalidOperationException($"the step CLI has no type {name}");

    /// <summary>The literal a step class's Name property returns (<c>ldstr "Mix"; ret</c>).</summary>
    string? NameOf(CodeMember type)
    {
        var getter = MethodsOf(type).FirstOrDefault(m => model.Reader(m.Assembly).GetString(Definition(m).Name) == "get_Name");
        if (getter.Handle.IsNil || Definition(getter).RelativeVirtualAddress == 0)
            return null;
        var il = model.PE(getter.Assembly).GetMethodBody(Definition(getter).RelativeVirtualAddress).GetILBytes();
        return il is [0x72, _, _, _, _, 0x2A] ? model.UserString(getter.Assembly, BitConverter.ToInt32(il, 1)) : null;
    }

    /// <summary>What a reached type runs without a token of ours naming it: constructors, accessors, overrides of external virtuals.</summary>
    IEnumerable<CodeMember> Implicit(CodeMember type)
    {
        var reader = model.Reader(type.Assembly);
        var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type.Handle);
        if ((definition.Attributes & TypeAttributes.Interface) != 0)
            yield break;
        var external = ImplementsExternal(type);
        foreach (var method in MethodsOf(type))
        {
            var m = Definition(method);
            var name = reader.GetString(m.Name);
            if (name is ".ctor" or ".cctor")
                yield return method;
            else if ((m.Attributes & MethodAttributes.Virtual) != 0 && !DeclaredAbove(type, Short(name)) &&
                     ((m.Attributes & MethodAttributes.NewSlot) == 0 || external))
                yield return method;
        }
        foreach (var property in definition.GetProperties())
        {
            var accessors = reader.GetPropertyDefinition(property).GetAccessors();
            foreach (var accessor in new[] { accessors.Getter, accessors.Setter }.Where(a => !a.IsNil))
                yield return new(type.Assembly, accessor);
        }
    }

    /// <summary>
    /// Every class of ours derived from an abstract class: what a reached abstract class may stand for, though no token of
    /// ours names it (a registry that finds strategies by reflection, as DecodingStrategy and Decoding do).
    /// </summary>
    IEnumerable<CodeMember> Subclasses(CodeMember type)
    {
        var attributes = model.Reader(type.Assembly).GetTypeDefinition((TypeDefinitionHandle)type.Handle).Attributes;
        if ((attributes & (TypeAttributes.Abstract | TypeAttributes.Interface | TypeAttributes.Sealed)) != TypeAttributes.Abstract)
            return [];
        return model.Types().Where(t => Ancestors(t).Contains(type)).ToList();
    }

    /// <summary>The other concrete classes of ours derived from an abstract class that <paramref name="type"/> derives from.</summary>
    IEnumerable<CodeMember> Siblings(CodeMember type)
    {
        var bases = Ancestors(type).Where(a => Subclasses(a).Any()).ToHashSet();
        return model.Types().Where(t => t != type && Ancestors(t).Overlaps(bases) &&
            (model.Reader(t.Assembly).GetTypeDefinition((TypeDefinitionHandle)t.Handle).Attributes & TypeAttributes.Abstract) == 0);
    }

    /// <summary>Whether the constructors of <paramref name="type"/> name one of <paramref name="unchosen"/> and none of <paramref name="chosen"/>.</summary>
    bool TakesOnly(CodeMember type, HashSet<CodeMember> unchosen, HashSet<CodeMember> chosen)
    {
        var named = Constructors(type).SelectMany(model.SignatureTypes).ToHashSet();
        return named.Overlaps(unchosen) && !named.Overlaps(chosen);
    }

    IEnumerable<CodeMember> Constructors(CodeMember type) =>
        MethodsOf(type).Where(m => model.Reader(m.Assembly).GetString(Definition(m).Name) == ".ctor");

    /// <summary>The methods of <paramref name="type"/> that may override or implement <paramref name="method"/> (by name: conservative).</summary>
    IEnumerable<CodeMember> Overrides(CodeMember type, CodeMember method)
    {
        var declaring = new CodeMember(method.Assembly, Definition(method).GetDeclaringType());
        if (type == declaring || !Ancestors(type).Contains(declaring))
            return [];
        var name = model.Reader(method.Assembly).GetString(Definition(method).Name);
        return MethodsOf(type).Where(m => (Definition(m).Attributes & MethodAttributes.Virtual) != 0 &&
            Short(model.Reader(m.Assembly).GetString(Definition(m).Name)) == name);
    }

    bool DeclaredAbove(CodeMember type, string name) => Ancestors(type).Any(a =>
        MethodsOf(a).Any(m => Short(model.Reader(m.Assembly).GetString(Definition(m).Name)) == name));

    /// <summary>Whether the type or a base of ours implements an interface of another assembly (IEnumerator, IComparer, ...).</summary>
    bool ImplementsExternal(CodeMember type) => Ancestors(type).Append(type).Any(t =>
    {
        var reader = model.Reader(t.Assembly);
        return reader.GetTypeDefinition((TypeDefinitionHandle)t.Handle).GetInterfaceImplementations()
            .Any(i => model.Definition(t.Assembly, reader.GetInterfaceImplementation(i).Interface) is null);
    });

    /// <summary>The bases and interfaces of ours a type derives from, directly or not.</summary>
    HashSet<CodeMember> Ancestors(CodeMember type)
    {
        if (ancestors.TryGetValue(type, out var set))
            return set;
        ancestors[type] = set = [];
        var reader = model.Reader(type.Assembly);
        var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type.Handle);
        var direct = definition.GetInterfaceImplementations().Select(i => reader.GetInterfaceImplementation(i).Interface).Prepend(definition.BaseType);
        foreach (var handle in direct.Where(h => !h.IsNil))
        {
            if (model.Definition(type.Assembly, handle) is { } ours && ours != type)
            {
                set.Add(ours);
                set.UnionWith(Ancestors(ours));
            }
        }
        return set;
    }

    IEnumerable<CodeMember> MethodsOf(CodeMember type) => model.Reader(type.Assembly)
        .GetTypeDefinition((TypeDefinitionHandle)type.Handle).GetMethods().Select(m => new CodeMember(type.Assembly, m));

    MethodDefinition Definition(CodeMember method) => model.Reader(method.Assembly).GetMethodDefinition((MethodDefinitionHandle)method.Handle);

    /// <summary>An explicit implementation's name without its interface (<c>System.Collections.IEnumerator.MoveNext</c>: MoveNext).</summary>
    static string Short(string name) => name.StartsWith('.') ? name : name[(name.LastIndexOf('.') + 1)..];
}
