using System.Text.RegularExpressions;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// A document being written: paragraphs (lines) of sentences. Kept as sentences so that the generator can stop at a
/// word budget on a sentence boundary and the probes can avoid repeating a training sentence.
/// </summary>
internal sealed partial class TinyWorldDocument
{
    [GeneratedRegex(@"(?<=[.!?])\s+|^[A-Z][a-z-]*: ")]
    private static partial Regex SentenceBreak();

    private readonly List<List<string>> _paragraphs = [[]];

    public int Words { get; private set; }

    /// <summary>The single sentences of the text, without a speaker's "Mia: ".</summary>
    public IEnumerable<string> Sentences =>
        _paragraphs.SelectMany(p => p).SelectMany(s => SentenceBreak().Split(s)).Where(s => s.Length > 0);

    public void Add(string sentence)
    {
        _paragraphs[^1].Add(English.Capital(sentence));
        Words += Documents.Words(sentence);
    }

    /// <summary>Starts a new line; a line always ends with a sentence, so seed expansion can split there.</summary>
    public void Break()
    {
        if (_paragraphs[^1].Count > 0)
            _paragraphs.Add([]);
    }

    /// <summary>The document cut after the last whole sentence that keeps it within <paramref name="maxWords"/>.</summary>
    public TinyWorldDocument Truncate(int maxWords)
    {
        var cut = new TinyWorldDocument();
        foreach (var paragraph in _paragraphs)
        {
            foreach (var sentence in paragraph)
            {
                if (cut.Words + Documents.Words(sentence) > maxWords)
                    return cut;
                cut.Add(sentence);
            }
            cut.Break();
        }
        return cut;
    }

    public override string ToString() =>
        string.Join("\n", _paragraphs.Where(p => p.Count > 0).Select(p => string.Join(" ", p)));
}
