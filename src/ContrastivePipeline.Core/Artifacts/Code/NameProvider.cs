using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ContrastivePipeline.Artifacts.Code;

/// <summary>
/// Decodes signatures to text made of full type names (no metadata tokens, so an unrelated addition elsewhere does not
/// change it) and collects the types of ours it meets, which become reachable.
/// </summary>
internal sealed class NameProvider(CodeModel model) : ISignatureTypeProvider<string, List<CodeMember>>
{
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var assembly = model.IndexOf(reader);
        Reached.Add(new(assembly, handle));
        return model.DefinitionName(assembly, handle);
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var assembly = model.IndexOf(reader);
        if (model.Resolve(assembly, handle) is { } ours)
            Reached.Add(ours);
        return model.ReferenceName(assembly, handle);
    }

    public string GetTypeFromSpecification(MetadataReader reader, List<CodeMember> reached, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, reached);

    /// <summary>Where the types of ours met while decoding go (the decoder hands a context to only some callbacks).</summary>
    public List<CodeMember> Reached { get; set; } = [];

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        $"{genericType}<{string.Join(",", typeArguments)}>";

    public string GetGenericTypeParameter(List<CodeMember> genericContext, int index) => "!" + index;

    public string GetGenericMethodParameter(List<CodeMember> genericContext, int index) => "!!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        $"method {signature.ReturnType} *({string.Join(",", signature.ParameterTypes)})";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        isRequired ? $"{unmodifiedType} modreq({modifier})" : unmodifiedType;
}
