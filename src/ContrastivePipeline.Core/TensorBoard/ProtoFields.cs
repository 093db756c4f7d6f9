using Google.Protobuf;

namespace ContrastivePipeline.TensorBoard;

/// <summary>
/// Fields of a protobuf message written in place with Google.Protobuf's wire encoder: the event file needs four small
/// messages (Event, Summary, Summary.Value, SessionLog), so they are written field by field rather than generated from
/// TensorFlow's .proto files.
/// </summary>
internal static class ProtoFields
{
    public static void WriteString(this CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    /// <summary>A nested message: its length, then its fields.</summary>
    public static void WriteMessage(this CodedOutputStream output, int field, Action<CodedOutputStream> fields)
    {
        using var buffer = new MemoryStream();
        using (var inner = new CodedOutputStream(buffer, leaveOpen: true))
            fields(inner);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
