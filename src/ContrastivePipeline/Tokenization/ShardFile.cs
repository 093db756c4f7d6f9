using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Numerics;

namespace ContrastivePipeline.Tokenization;

/// <summary>A memory-mapped shard: the header, then fixed-width little-endian tokens read straight from the mapping.</summary>
internal sealed class ShardFile : IDisposable
{
    readonly MemoryMappedFile file;
    readonly MemoryMappedViewAccessor view;

    ShardFile(MemoryMappedFile file, MemoryMappedViewAccessor view, ShardHeader header, string path)
    {
        this.file = file;
        this.view = view;
        Header = header;
        Path = path;
    }

    public ShardHeader Header { get; }

    public string Path { get; }

    public long Length => view.Capacity;

    public static ShardFile Open(string path, string magic)
    {
        if (new FileInfo(path).Length < ShardHeader.Size)
            throw new InvalidDataException($"{path}: shorter than a shard header");
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        Span<byte> header = stackalloc byte[ShardHeader.Size];
        Read(view, 0, header);
        return new ShardFile(file, view, ShardHeader.Read(header, path, magic), path);
    }

    public long ReadInt64(long byteOffset) => view.ReadInt64(byteOffset);

    /// <summary>Copies <paramref name="destination"/>.Length tokens starting at byte offset <paramref name="at"/>.</summary>
    public void CopyTokens(long at, Span<long> destination)
    {
        if (at + (long)destination.Length * Header.TokenBytes > Length)
            throw new InvalidDataException($"{Path}: truncated (token range past the end of the file)");
        if (Header.TokenBytes == 2)
            Widen<ushort>(at, destination);
        else
            Widen<uint>(at, destination);
    }

    void Widen<T>(long at, Span<long> destination) where T : unmanaged, IBinaryInteger<T>
    {
        var buffer = ArrayPool<T>.Shared.Rent(destination.Length);
        try
        {
            var tokens = buffer.AsSpan(0, destination.Length);
            Read(view, at, tokens);
            for (var i = 0; i < tokens.Length; i++)
                destination[i] = long.CreateTruncating(tokens[i]);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    static void Read<T>(MemoryMappedViewAccessor view, long at, Span<T> into) where T : struct =>
        view.SafeMemoryMappedViewHandle.ReadSpan((ulong)(view.PointerOffset + at), into);

    public void Dispose()
    {
        view.Dispose();
        file.Dispose();
    }
}
