using System.Text;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Generation;

/// <summary>
/// The paper's post-processing (PAPER.md 2.4): decode each sample with special tokens as text, split it at every
/// <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c>, strip, drop empty pieces. Left padding is not part of the text (the
/// paper's decoded <c>&lt;pad&gt;</c> strings were an accident of its padding). Empty lines inside a document are
/// removed, because an empty line separates documents in the corpus format.
/// </summary>
internal static class SyntheticText
{
    static readonly string[] Separators = [SpecialTokens.Texts[SpecialTokens.Bos], SpecialTokens.Texts[SpecialTokens.Eos]];

    /// <summary>The ids of a sample as they go into the text: the real prefix (when kept) and the new tokens.</summary>
    public static IEnumerable<int> Ids(int[] prefix, long[] generated, bool keepPrefix) =>
        (keepPrefix ? prefix : []).Concat(generated.Select(t => (int)t));

    public static IEnumerable<string> Documents(string decoded) =>
        decoded.Split(Separators, StringSplitOptions.None)
            .Select(CollapseEmptyLines)
            .Where(d => d.Length > 0);

    static string CollapseEmptyLines(string piece)
    {
        var document = new StringBuilder();
        foreach (var line in piece.Trim().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Trim().Length == 0)
                continue;
            if (document.Length > 0)
                document.Append('\n');
            document.Append(trimmed);
        }
        return document.ToString();
    }
}
