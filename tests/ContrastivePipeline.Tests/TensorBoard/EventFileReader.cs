using System.Text;

namespace ContrastivePipeline.Tests.TensorBoard;

/// <summary>
/// Reads a TensorBoard event file from the format's definitions alone, sharing no code with the writer: TFRecord
/// framing (u64 length, masked CRC-32C of it, data, masked CRC-32C of the data; CRC-32C by the bitwise reflected
/// polynomial 0x82F63B78), and the protobuf fields of tensorflow/core/util/event.proto and summary.proto that a scalar
/// log uses: Event {double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5;
/// SessionLog session_log = 7}, Summary {repeated Value value = 1}, Value {string tag = 1; float simple_value = 2},
/// SessionLog {SessionStatus status = 1}.
/// </summary>
internal static class EventFileReader
{
    public sealed record Event(double WallTime, long Step, string? FileVersion, int? SessionStatus, List<(string Tag, float Value)> Scalars);

    public static List<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        var at = 0;
        while (at < bytes.Length)
        {
            var length = (int)BitConverter.ToUInt64(bytes, at);
            Check(bytes.AsSpan(at, 8), BitConverter.ToUInt32(bytes, at + 8), path, "length");
            var data = bytes.AsSpan(at + 12, length);
            Check(data, BitConverter.ToUInt32(bytes, at + 12 + length), path, "data");
            events.Add(Decode(data.ToArray()));
            at += 12 + length + 4;
        }
        return events;
    }

    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }

    static void Check(ReadOnlySpan<byte> data, uint stored, string path, string what)
    {
        var crc = Crc32C(data);
        var masked = unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
        if (masked != stored)
            throw new InvalidDataException($"{path}: the masked CRC-32C of a record's {what} does not match");
    }

    static Event Decode(byte[] data)
    {
        var (wallTime, step, version, status, scalars) = (0.0, 0L, (string?)null, (int?)null, new List<(string, float)>());
        foreach (var (field, value) in Fields(data))
        {
            switch (field)
            {
                case 1: wallTime = BitConverter.ToDouble((byte[])value); break;
                case 2: step = (long)(ulong)value; break;
                case 3: version = Encoding.UTF8.GetString((byte[])value); break;
                case 5: scalars.AddRange(Fields((byte[])value).Where(f => f.Field == 1).Select(f => Scalar((byte[])f.Value))); break;
                case 7: status = (int)(ulong)Fields((byte[])value).Single(f => f.Field == 1).Value; break;
            }
        }
        return new(wallTime, step, version, status, scalars);
    }

    static (string, float) Scalar(byte[] value)
    {
        var fields = Fields(value).ToList();
        return (Encoding.UTF8.GetString((byte[])fields.Single(f => f.Field == 1).Value),
            BitConverter.ToSingle((byte[])fields.Single(f => f.Field == 2).Value));
    }

    /// <summary>Protobuf wire format: a varint key (field number, wire type), then a varint, 8 bytes, a length-prefixed run, or 4 bytes.</summary>
    static IEnumerable<(int Field, object Value)> Fields(byte[] data)
    {
        var at = 0;
        while (at < data.Length)
        {
            var key = Varint(data, ref at);
            var (field, type) = ((int)(key >> 3), (int)(key & 7));
            switch (type)
            {
                case 0:
                    yield return (field, Varint(data, ref at));
                    break;
                case 1:
                    yield return (field, data[at..(at + 8)]);
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(data, ref at);
                    yield return (field, data[at..(at + length)]);
                    at += length;
                    break;
                case 5:
                    yield return (field, data[at..(at + 4)]);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {type} in a field of an event");
            }
        }
    }

    static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
