using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace ContrastivePipeline.Tokenization;

/// <summary>GPT-2's byte-level BPE: the 256 bytes are the base symbols, so every string encodes without &lt;unk&gt;.</summary>
internal sealed class ByteLevelBpe : BpeKind
{
    public override string Normalize(string text) => text;

    public override Regex Words() => Gpt2PreTokenizer.Regex();

    public override IEnumerable<string> Symbols(string word) => Encoding.UTF8.GetBytes(word).Select(b => Tokenization.ByteLevel.Char(b).ToString());

    public override List<string> BaseTokens(IEnumerable<string> seen) => BpeVocabulary.BaseTokens();

    public override (JsonNode? Normalizer, JsonObject PreTokenizer, JsonObject Decoder, string? Unknown) Json()
    {
        var byteLevel = new JsonObject
        {
            ["type"] = "ByteLevel",
            ["add_prefix_space"] = false,
            ["trim_offsets"] = true,
            ["use_regex"] = true,
        };
        return (null, byteLevel, (JsonObject)byteLevel.DeepClone(), null);
    }

    public override BpeTokenizer Create(Dictionary<string, int> vocab, IEnumerable<string> merges)
    {
        var specials = SpecialTokens.Ids();
        return BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(Gpt2PreTokenizer.Regex(), specials),
            SpecialTokens = specials,
        });
    }

    public override string Decode(BpeTokenizer tokenizer, IEnumerable<int> ids) => tokenizer.Decode(ids, considerSpecialTokens: true);
}
