using System.Text;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// GPT-2's byte-to-character alphabet: every byte gets a printable character, so byte-level tokens can be written
/// as strings in vocab.json and merges.txt (space becomes 'Ġ', newline 'Ċ').
/// </summary>
internal static class ByteLevel
{
    static readonly char[] ByteToChar = BuildAlphabet();

    public static char Char(byte b) => ByteToChar[b];

    /// <summary>The token string of a byte sequence.</summary>
    public static string Text(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    public static string Text(string utf16) => Text(Encoding.UTF8.GetBytes(utf16));

    static char[] BuildAlphabet()
    {
        // Printable Latin-1 bytes keep their own character; the rest are shifted past 255 in byte order.
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = (char)(printable ? b : next++);
        }
        return map;
    }
}
