using System.Text;
using System.Text.RegularExpressions;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>
/// The slow, obviously-right encoder the fast path is checked against: split off special tokens, pre-tokenize with
/// GPT-2's pattern, and in each pre-token merge the lowest-ranked adjacent pair (all its occurrences, left to right)
/// until no learned pair is left.
/// </summary>
internal sealed class ReferenceEncoder(BpeVocabulary vocabulary)
{
    readonly Regex preTokens = new(Gpt2PreTokenizer.Pattern);
    readonly Dictionary<(int, int), (int Rank, int Result)> ranks = vocabulary.Merges
        .Select((m, rank) => (m, rank))
        .GroupBy(p => (p.m.Left, p.m.Right))
        .ToDictionary(g => g.Key, g => (g.First().rank, g.First().m.Result));

    public List<int> Encode(string text)
    {
        var ids = new List<int>();
        while (text.Length > 0)
        {
            var (at, special) = FirstSpecial(text);
            foreach (Match word in preTokens.Matches(text[..at]))
                ids.AddRange(EncodeWord(word.Value));
            if (special < 0)
                break;
            ids.Add(special);
            text = text[(at + SpecialTokens.Texts[special].Length)..];
        }
        return ids;
    }

    static (int At, int Special) FirstSpecial(string text)
    {
        var best = (At: text.Length, Special: -1);
        for (var id = 0; id < SpecialTokens.Count; id++)
        {
            var at = text.IndexOf(SpecialTokens.Texts[id], StringComparison.Ordinal);
            if (at >= 0 && at < best.At)
                best = (at, id);
        }
        return best;
    }

    List<int> EncodeWord(string word)
    {
        var symbols = Encoding.UTF8.GetBytes(word).Select(b => SpecialTokens.Count + b).ToList();
        while (true)
        {
            var best = (Rank: int.MaxValue, Result: -1, Left: -1, Right: -1);
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (ranks.TryGetValue((symbols[i], symbols[i + 1]), out var merge) && merge.Rank < best.Rank)
                    best = (merge.Rank, merge.Result, symbols[i], symbols[i + 1]);
            }
            if (best.Result < 0)
                return symbols;
            var merged = new List<int>();
            for (var i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && symbols[i] == best.Left && symbols[i + 1] == best.Right)
                {
                    merged.Add(best.Result);
                    i++;
                }
                else
                {
                    merged.Add(symbols[i]);
                }
            }
            symbols = merged;
        }
    }
}
