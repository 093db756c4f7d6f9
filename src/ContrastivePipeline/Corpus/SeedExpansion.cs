using System.Text.RegularExpressions;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// PAPER.md 2.3: documents under <c>min</c> words stay whole; longer ones are split after [.!?] followed by a newline
/// and regrouped greedily; a chunk closes when it has at least <c>min</c> words and the next piece would take it past
/// <c>max</c>; a final chunk under <c>min</c> words is dropped.
/// </summary>
internal static partial class SeedExpansion
{
    [GeneratedRegex(@"(?<=[.!?])\n")]
    private static partial Regex SentenceEndNewline();

    public static IEnumerable<string> Expand(string document, int min, int max)
    {
        if (Documents.Words(document) < min)
        {
            yield return document;
            yield break;
        }
        var chunk = new List<string>();
        var words = 0;
        foreach (var piece in SentenceEndNewline().Split(document))
        {
            var pieceWords = Documents.Words(piece);
            if (words >= min && words + pieceWords > max)
            {
                yield return string.Join("\n", chunk);
                chunk.Clear();
                words = 0;
            }
            chunk.Add(piece);
            words += pieceWords;
        }
        if (words >= min)
            yield return string.Join("\n", chunk);
    }
}
