using System.Text;
using System.Text.RegularExpressions;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>
/// The textbook trainer, quadratic and obviously right: count every adjacent pair in every word from scratch, merge the
/// most frequent (ties: smallest left id, then right id) everywhere, repeat. The fast trainer must learn the same merges.
/// </summary>
internal static class NaiveBpeTrainer
{
    public static BpeVocabulary Train(string text, int vocabSize)
    {
        var words = new Dictionary<string, long>();
        foreach (Match m in new Regex(Gpt2PreTokenizer.Pattern).Matches(text))
            words[m.Value] = words.GetValueOrDefault(m.Value) + 1;
        var split = words.Select(w => (Symbols: Encoding.UTF8.GetBytes(w.Key).Select(b => SpecialTokens.Count + b).ToList(), Count: w.Value)).ToList();
        var tokens = BpeVocabulary.BaseTokens();
        var merges = new List<BpeMerge>();
        while (tokens.Count < vocabSize)
        {
            var pairs = new Dictionary<(int, int), long>();
            foreach (var (symbols, count) in split)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                    pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + count;
            }
            if (pairs.Count == 0)
                break;
            var best = pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).First();
            if (best.Value < BpeTrainer.MinCount)
                break;
            var (left, right) = best.Key;
            var text2 = tokens[left] + tokens[right];
            var result = tokens.IndexOf(text2);
            if (result < 0)
            {
                result = tokens.Count;
                tokens.Add(text2);
            }
            merges.Add(new BpeMerge(left, right, result));
            foreach (var (symbols, _) in split)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                {
                    if (symbols[i] == left && symbols[i + 1] == right)
                    {
                        symbols[i] = result;
                        symbols.RemoveAt(i + 1);
                    }
                }
            }
        }
        return new BpeVocabulary(tokens, merges);
    }
}
