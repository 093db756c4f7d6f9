using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace ContrastivePipeline.Tests.Export;

/// <summary>The header of a safetensors file, read by hand from the format's definition.</summary>
internal sealed record SafetensorsHeader(long HeaderLength, long FileLength, JsonObject Json)
{
    public static SafetensorsHeader Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0, 8));
        var json = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, (int)length))!.AsObject();
        return new SafetensorsHeader(length, bytes.Length, json);
    }

    public IEnumerable<string> TensorNames => Json.Select(kv => kv.Key).Where(k => k != "__metadata__");

    public (string Dtype, long[] Shape, long Begin, long End) Entry(string name)
    {
        var entry = Json[name]!;
        var offsets = entry["data_offsets"]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
        return (entry["dtype"]!.GetValue<string>(), [.. entry["shape"]!.AsArray().Select(n => n!.GetValue<long>())], offsets[0], offsets[1]);
    }
}
