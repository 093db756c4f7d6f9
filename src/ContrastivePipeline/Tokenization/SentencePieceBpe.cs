using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// The paper's tokenizer, <c>tokenizers.SentencePieceBPETokenizer</c>: NFKC, then the Metaspace pre-tokenizer (each
/// space becomes '▁', a '▁' is put in front of the text, and words start at every '▁'), then BPE over characters.
/// No byte fallback: a character the training text never had encodes as &lt;unk&gt;. Unlike the HF trainer's
/// <c>limit_alphabet=1000</c> default, every character of the training text is kept (the paper's character_coverage=1).
/// </summary>
internal sealed partial class SentencePieceBpe : BpeKind
{
    public const string PreTokenizerType = "Metaspace";
    public const char Space = '▁';

    public override string Normalize(string text)
    {
        var spaced = text.Normalize(NormalizationForm.FormKC).Replace(' ', Space);
        // prepend_scheme "always": a prefix space unless the text already starts with one.
        return spaced.Length > 0 && spaced[0] == Space ? spaced : Space + spaced;
    }

    // Metaspace splits "MergedWithNext": a word is a '▁' and what follows up to the next '▁'.
    [GeneratedRegex("▁[^▁]*|[^▁]+")]
    public override partial Regex Words();

    public override IEnumerable<string> Symbols(string word) => word.EnumerateRunes().Select(r => r.ToString());

    /// <summary>Specials, then every character seen, in code point order (as the HF trainer orders its alphabet).</summary>
    public override List<string> BaseTokens(IEnumerable<string> seen) =>
        [.. SpecialTokens.Texts, .. seen.Distinct(StringComparer.Ordinal).OrderBy(s => Rune.GetRuneAt(s, 0).Value)];

    public override (JsonNode? Normalizer, JsonObject PreTokenizer, JsonObject Decoder, string? Unknown) Json()
    {
        var metaspace = new JsonObject
        {
            ["type"] = PreTokenizerType,
            ["replacement"] = Space.ToString(),
            ["prepend_scheme"] = "always",
            ["split"] = true,
        };
        return (new JsonObject { ["type"] = "NFKC" }, metaspace, (JsonObject)metaspace.DeepClone(), SpecialTokens.Texts[SpecialTokens.Unk]);
    }

    public override BpeTokenizer Create(Dictionary<string, int> vocab, IEnumerable<string> merges)
    {
        var specials = SpecialTokens.Ids();
        return BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = false,
            PreTokenizer = new RegexPreTokenizer(Words(), specials),
            SpecialTokens = specials,
            UnknownToken = SpecialTokens.Texts[SpecialTokens.Unk],
            FuseUnknownTokens = false,
        });
    }

    /// <summary>The Metaspace decoder: '▁' back to a space, and the prefix space dropped.</summary>
    public override string Decode(BpeTokenizer tokenizer, IEnumerable<int> ids)
    {
        var text = tokenizer.Decode(ids, considerSpecialTokens: true).Replace(Space, ' ');
        return text.StartsWith(' ') ? text[1..] : text;
    }
}
