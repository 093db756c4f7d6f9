using System.Text.RegularExpressions;

namespace ContrastivePipeline.Tokenization;

/// <summary>GPT-2's pre-tokenisation: words keep their leading space; runs of spaces stay apart from the next word.</summary>
internal static partial class Gpt2PreTokenizer
{
    public const string Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();
}
