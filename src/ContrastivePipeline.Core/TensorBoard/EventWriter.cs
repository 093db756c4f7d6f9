using System.Buffers.Binary;
using Google.Protobuf;

namespace ContrastivePipeline.TensorBoard;

/// <summary>
/// One TensorBoard event file (<c>events.out.tfevents.&lt;time&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;step&gt;</c>) in a run's folder:
/// TFRecord framing (length, masked CRC-32C of the length, an <c>Event</c> protobuf, masked CRC-32C of it) around
/// scalar summaries. The file stays open and is flushed to the OS at each <see cref="Flush"/> (a log line), so a
/// TensorBoard reading a shared filesystem sees the curve grow; TorchSharp's SummaryWriter reopens the file per scalar
/// and stores the wall time as a float of ticks (BENCHMARKS.md, "TensorBoard event files"). Event files are logs, not
/// results: they live outside the store and no key reads them.
/// </summary>
internal sealed class EventWriter : IDisposable
{
    readonly FileStream file;
    readonly MemoryStream record = new();

    public EventWriter(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Path = System.IO.Path.Combine(folder, $"events.out.tfevents.{seconds}.{Environment.MachineName}.{Environment.ProcessId}.{name}");
        file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        Write(0, e => e.WriteString(3, "brain.Event:2"));
    }

    public string Path { get; }

    /// <summary>A writer into <paramref name="folder"/>, or null where the spec names none (a step run outside the host).</summary>
    public static EventWriter? Open(string? folder, string name) => folder is null ? null : new EventWriter(folder, name);

    /// <summary>
    /// Marks a (re)start at <paramref name="step"/>: TensorBoard drops the points at this step and later that an earlier,
    /// killed attempt of the run logged, so a resumed run reads as one curve (TensorFlow's SessionLog START).
    /// </summary>
    public void Start(long step) => Write(step, e => e.WriteMessage(7, s =>
    {
        s.WriteTag(1, WireFormat.WireType.Varint);
        s.WriteEnum(1);
    }));

    /// <summary>One point of the curve <paramref name="tag"/> (TensorBoard keeps scalars as 32-bit floats).</summary>
    public void Scalar(string tag, long step, double value) => Write(step, e => e.WriteMessage(5, summary => summary.WriteMessage(1, v =>
    {
        v.WriteString(1, tag);
        v.WriteTag(2, WireFormat.WireType.Fixed32);
        v.WriteFloat((float)value);
    })));

    public void Flush() => file.Flush();

    public void Dispose()
    {
        file.Dispose();
        record.Dispose();
    }

    /// <summary>An Event: wall_time (1, seconds since 1970 as a double), step (2), then one of its payload fields.</summary>
    void Write(long step, Action<CodedOutputStream> payload)
    {
        record.SetLength(0);
        using var e = new CodedOutputStream(record, leaveOpen: true);
        e.WriteTag(1, WireFormat.WireType.Fixed64);
        e.WriteDouble(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);
        e.WriteTag(2, WireFormat.WireType.Varint);
        e.WriteInt64(step);
        payload(e);
        e.Flush();
        var data = record.GetBuffer().AsSpan(0, (int)record.Length);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc.Of(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc.Of(data));
        file.Write(header);
        file.Write(data);
        file.Write(footer);
    }
}
