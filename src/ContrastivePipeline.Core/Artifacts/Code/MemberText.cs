using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Text;

namespace ContrastivePipeline.Artifacts.Code;

/// <summary>
/// What a method or a type contributes to a key, as text hashed once: a method's IL with every token replaced by the
/// name it resolves to (string literals by their value), its locals and exception regions and attributes; a type's
/// base, interfaces, fields, properties and attributes (serialization reads them). Comments and formatting are not in
/// the IL, so they change nothing.
/// </summary>
internal sealed class MemberText(CodeModel model)
{
    /// <summary>A member's hash and what of ours it makes reachable.</summary>
    public sealed record Hashed(string Hash, CodeMember[] Reached);

    static readonly Dictionary<int, OperandType> Operands = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => (int)(ushort)o.Value, o => o.OperandType);

    readonly Dictionary<CodeMember, Hashed> done = [];

    public Hashed Method(CodeMember method)
    {
        if (done.TryGetValue(method, out var hashed))
            return hashed;
        var reader = model.Reader(method.Assembly);
        var definition = reader.GetMethodDefinition((MethodDefinitionHandle)method.Handle);
        var text = new StringBuilder().Append(definition.Attributes).Append(' ').Append(definition.ImplAttributes).Append('\n');
        var reached = new List<CodeMember> { new(method.Assembly, definition.GetDeclaringType()) };
        Attributes(method.Assembly, definition.GetCustomAttributes(), text, reached);
        foreach (var parameter in definition.GetParameters())
            Attributes(method.Assembly, reader.GetParameter(parameter).GetCustomAttributes(), text, reached);
        if (definition.RelativeVirtualAddress != 0)
            Body(method.Assembly, model.PE(method.Assembly).GetMethodBody(definition.RelativeVirtualAddress), text, reached);
        return done[method] = new(Hash.OfText(text.ToString()), [.. reached]);
    }

    public Hashed Type(CodeMember type)
    {
        if (done.TryGetValue(type, out var hashed))
            return hashed;
        var (assembly, reader) = (type.Assembly, model.Reader(type.Assembly));
        var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type.Handle);
        var text = new StringBuilder().Append(definition.Attributes).Append('\n');
        var reached = new List<CodeMember>();
        void Name(EntityHandle handle)
        {
            var reference = model.Token(assembly, handle);
            text.Append(reference.Name).Append('\n');
            reached.AddRange(reference.Reached);
        }
        if (!definition.BaseType.IsNil)
            Name(definition.BaseType);
        foreach (var implementation in definition.GetInterfaceImplementations())
            Name(reader.GetInterfaceImplementation(implementation).Interface);
        if (definition.GetDeclaringType() is { IsNil: false } outer)
            reached.Add(new(assembly, outer));
        Attributes(assembly, definition.GetCustomAttributes(), text, reached);
        foreach (var handle in definition.GetFields())
        {
            // Field types become reachable: a serializer makes their instances without a token in our IL.
            var field = reader.GetFieldDefinition(handle);
            var fieldType = model.FieldType(field);
            text.Append($"field {field.Attributes} {reader.GetString(field.Name)}:{fieldType.Name}");
            reached.AddRange(fieldType.Reached);
            if (!field.GetDefaultValue().IsNil)
                text.Append(" = ").Append(Convert.ToHexString(reader.GetBlobBytes(reader.GetConstant(field.GetDefaultValue()).Value)));
            text.Append('\n');
            Attributes(assembly, field.GetCustomAttributes(), text, reached);
        }
        foreach (var handle in definition.GetProperties())
        {
            var property = reader.GetPropertyDefinition(handle);
            text.Append($"property {reader.GetString(property.Name)}\n");
            Attributes(assembly, property.GetCustomAttributes(), text, reached);
        }
        return done[type] = new(Hash.OfText(text.ToString()), [.. reached]);
    }

    void Attributes(int assembly, CustomAttributeHandleCollection attributes, StringBuilder text, List<CodeMember> reached)
    {
        var reader = model.Reader(assembly);
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var constructor = model.Token(assembly, attribute.Constructor);
            reached.AddRange(constructor.Reached);
            text.Append($"[{constructor.Name} {Convert.ToHexString(reader.GetBlobBytes(attribute.Value))}]\n");
        }
    }

    void Body(int assembly, MethodBodyBlock body, StringBuilder text, List<CodeMember> reached)
    {
        void Name(EntityHandle handle)
        {
            var reference = model.Token(assembly, handle);
            text.Append(reference.Name);
            reached.AddRange(reference.Reached);
        }
        text.Append($"maxstack {body.MaxStack} init {body.LocalVariablesInitialized}\n");
        if (!body.LocalSignature.IsNil)
            Name(body.LocalSignature);
        foreach (var region in body.ExceptionRegions)
        {
            text.Append($"\n{region.Kind} {region.TryOffset} {region.TryLength} {region.HandlerOffset} {region.HandlerLength} {region.FilterOffset} ");
            if (!region.CatchType.IsNil)
                Name(region.CatchType);
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
                code = 0xFE00 | il.ReadByte();
            text.Append('\n').Append(code.ToString("x")).Append(' ');
            switch (Operands[code])
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    text.Append(il.ReadByte());
                    break;
                case OperandType.InlineVar:
                    text.Append(il.ReadUInt16());
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR:
                    text.Append(il.ReadInt32());
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    text.Append(il.ReadInt64());
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    for (var i = 0; i < count; i++)
                        text.Append(il.ReadInt32()).Append(',');
                    break;
                case OperandType.InlineString:
                    var literal = model.UserString(assembly, il.ReadInt32());
                    text.Append(literal.Length).Append(':').Append(literal);
                    break;
                default:
                    Name(System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
            }
        }
    }
}
