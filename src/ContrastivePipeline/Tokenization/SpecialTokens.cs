namespace ContrastivePipeline.Tokenization;

/// <summary>The paper's special tokens, at ids 0-3; byte tokens follow at 4-259, merged tokens after them.</summary>
internal static class SpecialTokens
{
    public const int Unk = 0, Bos = 1, Eos = 2, Pad = 3, Count = 4;

    public static readonly string[] Texts = ["<unk>", "<s>", "</s>", "<pad>"];

    public static Dictionary<string, int> Ids() => Texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
}
