using System.Numerics;

namespace ContrastivePipeline.TensorBoard;

/// <summary>
/// TFRecord's checksum: CRC-32C (Castagnoli) of the bytes, rotated right by 15 bits plus a constant, so that a CRC
/// stored inside the data it covers does not checksum to itself. The BCL computes CRC-32C (BitOperations.Crc32C, SSE4.2
/// where present); System.IO.Hashing has only CRC-32 (IEEE), which TensorBoard rejects.
/// </summary>
internal static class MaskedCrc
{
    const uint Delta = 0xa282ead8;

    public static uint Of(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.ToUInt64(data));
            data = data[8..];
        }
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + Delta;
    }
}
