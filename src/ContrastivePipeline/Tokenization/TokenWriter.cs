using System.Buffers.Binary;

namespace ContrastivePipeline.Tokenization;

/// <summary>Writes token ids as little-endian uint16 or uint32, refusing any id the header's vocabulary cannot hold.</summary>
internal static class TokenWriter
{
    public static void Write(Stream stream, ReadOnlySpan<int> ids, int tokenBytes, int vocabSize, string path)
    {
        var bytes = new byte[ids.Length * tokenBytes];
        for (var i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)vocabSize)
                throw new InvalidDataException($"{path}: token id {ids[i]} outside the vocabulary of {vocabSize}");
            if (tokenBytes == 2)
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), (ushort)ids[i]);
            else
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), (uint)ids[i]);
        }
        stream.Write(bytes);
    }
}
