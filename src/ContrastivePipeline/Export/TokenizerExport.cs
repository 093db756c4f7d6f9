using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Export;

/// <summary>
/// The tokenizer half of an export: the Tokenize step's <c>tokenizer.json</c> with a post-processor that puts
/// <c>&lt;s&gt;</c> in front of every text (the paper's LlamaTokenizerFast with add_bos_token, PAPER.md 3.2), and the
/// <c>tokenizer_config.json</c> / <c>special_tokens_map.json</c> that make AutoTokenizer load it.
/// </summary>
internal static class TokenizerExport
{
    public const string ConfigFile = "tokenizer_config.json", SpecialTokensFile = "special_tokens_map.json";

    /// <summary>
    /// PreTrainedTokenizerFast rather than LlamaTokenizerFast: the Llama class may rewrite a tokenizer.json's
    /// pre-tokenizer (ours is byte-level BPE or the paper's SentencePiece-style BPE, tokenizer.kind). The plain class
    /// takes tokenizer.json as it is, post-processor included, so the BOS comes from there.
    /// </summary>
    public const string TokenizerClass = "PreTrainedTokenizerFast";

    static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string tokenizerFolder, string outputFolder, int modelMaxLength)
    {
        var source = Path.Combine(tokenizerFolder, BpeFiles.Tokenizer);
        var tokenizer = JsonNode.Parse(File.ReadAllText(source))?.AsObject()
            ?? throw new InvalidDataException($"{source}: empty JSON document");
        tokenizer["post_processor"] = BosTemplate();
        File.WriteAllText(Path.Combine(outputFolder, BpeFiles.Tokenizer), tokenizer.ToJsonString(Readable) + "\n");

        var specials = SpecialTokensMap();
        File.WriteAllText(Path.Combine(outputFolder, SpecialTokensFile), specials.ToJsonString(Readable) + "\n");
        var config = new JsonObject
        {
            ["tokenizer_class"] = TokenizerClass,
            ["model_max_length"] = modelMaxLength,
            ["add_bos_token"] = true,
            ["add_eos_token"] = false,
            ["clean_up_tokenization_spaces"] = false,
            ["padding_side"] = "right",
        };
        foreach (var (key, value) in specials)
            config[key] = value!.DeepClone();
        File.WriteAllText(Path.Combine(outputFolder, ConfigFile), config.ToJsonString(Readable) + "\n");
    }

    static JsonObject SpecialTokensMap() => new()
    {
        ["bos_token"] = SpecialTokens.Texts[SpecialTokens.Bos],
        ["eos_token"] = SpecialTokens.Texts[SpecialTokens.Eos],
        ["unk_token"] = SpecialTokens.Texts[SpecialTokens.Unk],
        ["pad_token"] = SpecialTokens.Texts[SpecialTokens.Pad],
    };

    // What the tokenizers library writes for Llama: "<s> $A" for one text, "<s> $A <s> $B" for a pair.
    static JsonObject BosTemplate()
    {
        var bos = SpecialTokens.Texts[SpecialTokens.Bos];
        JsonNode Special(int typeId) => new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = bos, ["type_id"] = typeId } };
        JsonNode Sequence(string id, int typeId) => new JsonObject { ["Sequence"] = new JsonObject { ["id"] = id, ["type_id"] = typeId } };
        return new JsonObject
        {
            ["type"] = "TemplateProcessing",
            ["single"] = new JsonArray(Special(0), Sequence("A", 0)),
            ["pair"] = new JsonArray(Special(0), Sequence("A", 0), Special(1), Sequence("B", 1)),
            ["special_tokens"] = new JsonObject
            {
                [bos] = new JsonObject { ["id"] = bos, ["ids"] = new JsonArray(SpecialTokens.Bos), ["tokens"] = new JsonArray(bos) },
            },
        };
    }
}
