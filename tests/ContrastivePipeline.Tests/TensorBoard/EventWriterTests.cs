using System.Text;
using ContrastivePipeline.TensorBoard;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.TensorBoard;

public sealed class EventWriterTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reader_Crc32C_GivesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, EventFileReader.Crc32C(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Scalars_ReadBackByAnIndependentReader_ToTheValuesLogged()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        string path;
        using (var events = new EventWriter(temp.Path, "Train"))
        {
            events.Start(7);
            events.Scalar("train/loss", 7, 3.25);
            events.Scalar("eval/tasks/blimp", 8_000, 61.5);
            events.Scalar("train/grad_norm", 9, double.PositiveInfinity);
            path = events.Path;
        }

        var read = EventFileReader.Read(path);

        Assert.StartsWith("events.out.tfevents.", Path.GetFileName(path));
        Assert.Equal("brain.Event:2", read[0].FileVersion);
        Assert.Equal((7L, 1), (read[1].Step, read[1].SessionStatus!.Value));
        Assert.Equal([(7L, "train/loss", 3.25f), (8_000L, "eval/tasks/blimp", 61.5f), (9L, "train/grad_norm", float.PositiveInfinity)],
            read.Skip(2).Select(e => (e.Step, e.Scalars.Single().Tag, e.Scalars.Single().Value)));
        // Seconds since 1970 with their fraction, as TensorBoard expects (not ticks, not whole seconds).
        Assert.All(read, e => Assert.InRange(e.WallTime, before - 1, before + 3600));
    }

    [Fact]
    public void Reader_RejectsAFileWithAFlippedByte()
    {
        string path;
        using (var events = new EventWriter(temp.Path, "Train"))
        {
            events.Scalar("train/loss", 1, 2.5);
            path = events.Path;
        }
        var bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 1;
        File.WriteAllBytes(path, bytes);

        Assert.Throws<InvalidDataException>(() => EventFileReader.Read(path));
    }
}
