using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace ContrastivePipeline.Export;

/// <summary>
/// Writes fp32 tensors in the safetensors format: an 8-byte little-endian header length, a JSON header
/// (<c>{"name": {"dtype", "shape", "data_offsets"}}</c> plus <c>__metadata__</c>), then the raw bytes back to back.
/// Written here rather than through TorchSharp.PyBridge because transformers wants <c>{"format": "pt"}</c> in the
/// metadata and the header padded to 8 bytes, which PyBridge's writer leaves out.
/// </summary>
internal static class Safetensors
{
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        using var scope = NewDisposeScope();
        // Sorted by name, as the Python safetensors library writes them; every tensor fp32, contiguous, on the CPU.
        var ordered = tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (Name: kv.Key, Tensor: kv.Value.detach().to(ScalarType.Float32, CPU).contiguous()))
            .ToList();
        var header = new JsonObject { ["__metadata__"] = new JsonObject { ["format"] = "pt" } };
        long offset = 0;
        foreach (var (name, tensor) in ordered)
        {
            var length = tensor.NumberOfElements * sizeof(float);
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. tensor.shape.Select(d => (JsonNode)d)]),
                ["data_offsets"] = new JsonArray(offset, offset + length),
            };
            offset += length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(size, (ulong)padded);
        stream.Write(size);
        stream.Write(json);
        stream.Write(Enumerable.Repeat((byte)' ', padded - json.Length).ToArray());
        foreach (var (_, tensor) in ordered)
            stream.Write(tensor.bytes);
    }
}
