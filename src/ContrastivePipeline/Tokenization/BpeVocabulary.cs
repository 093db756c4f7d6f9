namespace ContrastivePipeline.Tokenization;

/// <summary>
/// A trained BPE: token strings in id order (specials, the base symbols, then merged tokens) and the merges in the
/// order they were learned, which is their rank when encoding.
/// </summary>
internal sealed record BpeVocabulary(IReadOnlyList<string> Tokens, IReadOnlyList<BpeMerge> Merges)
{
    /// <summary>The vocabulary before any merge: the special tokens, then every byte, so every string round-trips.</summary>
    public static List<string> BaseTokens()
    {
        var tokens = new List<string>(SpecialTokens.Texts);
        for (var b = 0; b < 256; b++)
            tokens.Add(ByteLevel.Char((byte)b).ToString());
        return tokens;
    }

    /// <summary>Merges as merges.txt writes them: the two token strings separated by one space.</summary>
    public IEnumerable<string> MergeLines() => Merges.Select(m => $"{Tokens[m.Left]} {Tokens[m.Right]}");
}
