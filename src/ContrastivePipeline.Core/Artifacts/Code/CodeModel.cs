using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ContrastivePipeline.Artifacts.Code;

/// <summary>
/// The compiled assemblies of ours, read with System.Reflection.Metadata: names of types and members (full names, never
/// metadata tokens) and the resolution of a reference to the definition of ours it names, across the assemblies.
/// </summary>
internal sealed partial class CodeModel
{
    sealed record Module(string Name, PEReader PE, MetadataReader Reader, Dictionary<string, TypeDefinitionHandle> Types);

    /// <summary>A metadata token as text, and the types and methods of ours it makes reachable.</summary>
    public sealed record Reference(string Name, CodeMember[] Reached);

    readonly List<Module> modules = [];
    readonly NameProvider provider;
    readonly Dictionary<CodeMember, Reference> references = [];
    readonly Dictionary<CodeMember, string> typeNames = [], signatures = [];

    public CodeModel(IEnumerable<string> paths)
    {
        provider = new(this);
        foreach (var path in paths)
        {
            var pe = new PEReader(ImmutableCollectionsMarshal.AsImmutableArray(File.ReadAllBytes(path)));
            var reader = pe.GetMetadataReader();
            var types = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
            var module = new Module(reader.GetString(reader.GetAssemblyDefinition().Name), pe, reader, types);
            modules.Add(module);
            foreach (var type in reader.TypeDefinitions)
                types[RawName(module, type)] = type;
        }
    }

    public MetadataReader Reader(int assembly) => modules[assembly].Reader;

    public PEReader PE(int assembly) => modules[assembly].PE;

    public int IndexOf(MetadataReader reader) => modules.FindIndex(m => m.Reader == reader);

    public IEnumerable<CodeMember> Types() =>
        modules.SelectMany((m, i) => m.Reader.TypeDefinitions.Select(t => new CodeMember(i, t)));

    public string DefinitionName(int assembly, TypeDefinitionHandle handle)
    {
        var key = new CodeMember(assembly, handle);
        if (!typeNames.TryGetValue(key, out var name))
            typeNames[key] = name = Normalize(RawName(modules[assembly], handle));
        return name;
    }

    public string ReferenceName(int assembly, TypeReferenceHandle handle) => Normalize(RawName(modules[assembly].Reader, handle));

    /// <summary>The definition of ours a type reference names, or null for a type of another assembly.</summary>
    public CodeMember? Resolve(int assembly, TypeReferenceHandle handle)
    {
        var reader = modules[assembly].Reader;
        var outer = handle;
        while (reader.GetTypeReference(outer).ResolutionScope is { Kind: HandleKind.TypeReference } scope)
            outer = (TypeReferenceHandle)scope;
        var owner = reader.GetTypeReference(outer).ResolutionScope;
        var target = owner.Kind switch
        {
            HandleKind.AssemblyReference => modules.FindIndex(m => m.Name == reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)owner).Name)),
            HandleKind.ModuleDefinition => assembly,
            _ => -1,
        };
        return target >= 0 && modules[target].Types.TryGetValue(RawName(reader, handle), out var type) ? new(target, type) : null;
    }

    /// <summary>The type definition of ours behind a TypeDef, TypeRef or generic instantiation, or null.</summary>
    public CodeMember? Definition(int assembly, EntityHandle type)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                return new(assembly, type);
            case HandleKind.TypeReference:
                return Resolve(assembly, (TypeReferenceHandle)type);
            case HandleKind.TypeSpecification:
                var blob = Reader(assembly).GetBlobReader(Reader(assembly).GetTypeSpecification((TypeSpecificationHandle)type).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                    return null;
                blob.ReadSignatureTypeCode();
                return Definition(assembly, blob.ReadTypeHandle());
            default:
                return null;
        }
    }

    /// <summary>A metadata token of a method body or signature as text, resolved once per assembly and token.</summary>
    public Reference Token(int assembly, EntityHandle handle)
    {
        var key = new CodeMember(assembly, handle);
        if (!references.TryGetValue(key, out var reference))
            references[key] = reference = Resolve(assembly, handle);
        return reference;
    }

    Reference Resolve(int assembly, EntityHandle handle)
    {
        var reader = Reader(assembly);
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return new(DefinitionName(assembly, (TypeDefinitionHandle)handle), [new(assembly, handle)]);
            case HandleKind.TypeReference:
                return new(ReferenceName(assembly, (TypeReferenceHandle)handle),
                    Resolve(assembly, (TypeReferenceHandle)handle) is { } ours ? [ours] : []);
            case HandleKind.TypeSpecification:
                return Decode(r => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, r));
            case HandleKind.MethodDefinition:
                return new(MethodName(assembly, (MethodDefinitionHandle)handle), [new(assembly, handle)]);
            case HandleKind.FieldDefinition:
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return new($"{DefinitionName(assembly, field.GetDeclaringType())}::{reader.GetString(field.Name)}",
                    [new(assembly, field.GetDeclaringType())]);
            case HandleKind.MemberReference:
                return Member(assembly, (MemberReferenceHandle)handle);
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                var method = Token(assembly, spec.Method);
                var arguments = Decode(r => string.Join(",", spec.DecodeSignature(provider, r)));
                return new($"{method.Name}<{arguments.Name}>", [.. method.Reached, .. arguments.Reached]);
            case HandleKind.StandaloneSignature:
                var standalone = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                return standalone.GetKind() == StandaloneSignatureKind.LocalVariables
                    ? Decode(r => "locals(" + string.Join(",", standalone.DecodeLocalSignature(provider, r)) + ")")
                    : Decode(r => Text(standalone.DecodeMethodSignature(provider, r)));
            default:
                throw new InvalidDataException($"unexpected metadata token kind {handle.Kind} in {modules[assembly].Name}");
        }
    }

    /// <summary>A method or field of another type (maybe of another assembly, maybe generic): resolved to our definition when it is ours.</summary>
    Reference Member(int assembly, MemberReferenceHandle handle)
    {
        var reader = Reader(assembly);
        var member = reader.GetMemberReference(handle);
        var parent = Token(assembly, member.Parent);
        var name = reader.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            var type = Decode(r => member.DecodeFieldSignature(provider, r));
            return new($"{parent.Name}::{Normalize(name)}:{type.Name}", [.. parent.Reached, .. type.Reached]);
        }
        var signature = Decode(r => Text(member.DecodeMethodSignature(provider, r)));
        var reached = parent.Reached.Concat(signature.Reached).ToList();
        if (Definition(assembly, member.Parent) is { } owner)
        {
            var ownerReader = Reader(owner.Assembly);
            foreach (var candidate in ownerReader.GetTypeDefinition((TypeDefinitionHandle)owner.Handle).GetMethods())
            {
                if (ownerReader.GetString(ownerReader.GetMethodDefinition(candidate).Name) == name && Signature(owner.Assembly, candidate) == signature.Name)
                    reached.Add(new(owner.Assembly, candidate));
            }
        }
        return new($"{parent.Name}::{Normalize(name)}{signature.Name}", [.. reached]);
    }

    public string MethodName(int assembly, MethodDefinitionHandle handle)
    {
        var method = Reader(assembly).GetMethodDefinition(handle);
        return $"{DefinitionName(assembly, method.GetDeclaringType())}::{Normalize(Reader(assembly).GetString(method.Name))}{Signature(assembly, handle)}";
    }

    /// <summary>A method's signature as text: generic arity, parameter types, return type.</summary>
    public string Signature(int assembly, MethodDefinitionHandle handle)
    {
        var key = new CodeMember(assembly, handle);
        if (!signatures.TryGetValue(key, out var text))
            signatures[key] = text = Decode(r => Text(Reader(assembly).GetMethodDefinition(handle).DecodeSignature(provider, r))).Name;
        return text;
    }

    /// <summary>The types of ours that a method's signature names (parameters, return type, generic arguments).</summary>
    public IReadOnlyList<CodeMember> SignatureTypes(CodeMember method) =>
        Decode(r => Text(Reader(method.Assembly).GetMethodDefinition((MethodDefinitionHandle)method.Handle).DecodeSignature(provider, r))).Reached;

    public Reference FieldType(FieldDefinition field) => Decode(r => field.DecodeSignature(provider, r));

    public Reference Decode(Func<List<CodeMember>, string> decode)
    {
        var reached = new List<CodeMember>();
        var saved = provider.Reached;
        provider.Reached = reached;
        try
        {
            return new(decode(reached), [.. reached]);
        }
        finally
        {
            provider.Reached = saved;
        }
    }

    static string Text(MethodSignature<string> signature) =>
        $"{(signature.GenericParameterCount > 0 ? $"`{signature.GenericParameterCount}" : "")}({string.Join(",", signature.ParameterTypes)}):{signature.ReturnType}";

    static string RawName(Module module, TypeDefinitionHandle handle)
    {
        var type = module.Reader.GetTypeDefinition(handle);
        var name = module.Reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer)
            return RawName(module, outer) + "/" + name;
        var space = module.Reader.GetString(type.Namespace);
        return space.Length == 0 ? name : $"{space}.{name}";
    }

    static string RawName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return RawName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name;
        var space = reader.GetString(type.Namespace);
        return space.Length == 0 ? name : $"{space}.{name}";
    }

    /// <summary>
    /// Drops the ordinals the compiler puts in the names it generates (<c>&lt;Run&gt;b__3_1</c>: method 3 of its type,
    /// lambda 1 of that method; anonymous type 7 of the assembly; generated regex 3 of the assembly, in a file-local
    /// type named by a checksum of its file's path), which change when an unrelated method is added or the tree moves.
    /// </summary>
    public static string Normalize(string name) =>
        name.Contains('<') ? GeneratedRegexes().Replace(Ordinals().Replace(name, ""), "<RegexGenerator_g>$1") : name;

    [GeneratedRegex(@"(?<=<[^<>]*>[A-Za-z0-9]*__(?:DisplayClass)?|\|)\d+(?=_\d)|(?<=<[^<>]*>d__)\d+|(?<=AnonymousType)\d+")]
    private static partial Regex Ordinals();

    [GeneratedRegex(@"<RegexGenerator_g>F[0-9A-F]+__([A-Za-z0-9]+(?:_[A-Za-z][A-Za-z0-9]*)*)(?:_\d+)?")]
    private static partial Regex GeneratedRegexes();

    /// <summary>A user string (the operand of ldstr).</summary>
    public string UserString(int assembly, int token) => Reader(assembly).GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF));
}
