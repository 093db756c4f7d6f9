using System.Text.RegularExpressions;

namespace ContrastivePipeline.Tests.Evaluation;

/// <summary>A word-level stand-in for byte-level BPE: a word carries its leading space (" the"), a trailing space is a token.</summary>
internal sealed partial class ToyTokenizer
{
    public const int Bos = 0;

    readonly Dictionary<string, int> ids = new(StringComparer.Ordinal) { ["<s>"] = Bos };
    readonly List<string> tokens = ["<s>"];

    public int[] Encode(string text) => Piece().Matches(text).Select(m => Id(m.Value)).ToArray();

    public string Token(int id) => tokens[id];

    int Id(string token)
    {
        if (!ids.TryGetValue(token, out var id))
        {
            ids[token] = id = tokens.Count;
            tokens.Add(token);
        }
        return id;
    }

    [GeneratedRegex(@" ?[^ ]+| +")]
    private static partial Regex Piece();
}
