using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContrastivePipeline.Configuration;
using Microsoft.ML.Tokenizers;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// What distinguishes one kind of BPE from another (PAPER.md 3.2): how text is normalised and cut into words, what
/// the base symbols are, and how tokenizer.json says so. Training (<see cref="BpeTrainer"/>), merges and encoding
/// through Microsoft.ML.Tokenizers are shared.
/// </summary>
internal abstract class BpeKind
{
    public static readonly BpeKind ByteLevel = new ByteLevelBpe();
    public static readonly BpeKind SentencePiece = new SentencePieceBpe();

    public static BpeKind For(TokenizerKind kind) => kind == TokenizerKind.SentencepieceBpe ? SentencePiece : ByteLevel;

    /// <summary>The kind a Tokenize folder was trained as, read from its tokenizer.json's pre-tokenizer.</summary>
    public static BpeKind Of(JsonNode tokenizerJson) =>
        (string?)tokenizerJson["pre_tokenizer"]?["type"] == SentencePieceBpe.PreTokenizerType ? SentencePiece : ByteLevel;

    /// <summary>The text as the pre-tokenizer sees it.</summary>
    public abstract string Normalize(string text);

    /// <summary>The pre-tokenizer: BPE never merges across its words.</summary>
    public abstract Regex Words();

    /// <summary>A word as base symbols, each a token string.</summary>
    public abstract IEnumerable<string> Symbols(string word);

    /// <summary>The vocabulary before any merge: the special tokens at 0-3, then the base symbols.</summary>
    public abstract List<string> BaseTokens(IEnumerable<string> seen);

    /// <summary>tokenizer.json's normalizer, pre_tokenizer and decoder, and the model's unk_token.</summary>
    public abstract (JsonNode? Normalizer, JsonObject PreTokenizer, JsonObject Decoder, string? Unknown) Json();

    /// <summary>A Microsoft.ML.Tokenizers BPE that encodes text already passed through <see cref="Normalize"/>.</summary>
    public abstract BpeTokenizer Create(Dictionary<string, int> vocab, IEnumerable<string> merges);

    /// <summary>Ids back to text, specials included.</summary>
    public abstract string Decode(BpeTokenizer tokenizer, IEnumerable<int> ids);
}
