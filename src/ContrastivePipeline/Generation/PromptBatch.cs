using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Generation;

/// <summary>
/// Rows of one forward pass: each prompt cut to <c>prefixTokens</c> (&lt;s&gt; included) and left-padded to exactly
/// that length, repeated once per continuation. Padding is always up to <c>prefixTokens</c>, never to the batch's
/// longest prompt, so a row's input does not depend on the rows beside it. Positions start at 0 on the first real
/// token; pads sit at position 0 and are masked out as keys.
/// </summary>
internal sealed class PromptBatch
{
    PromptBatch(int length, List<(int Prompt, int Continuation, int[] Prefix)> rows)
    {
        Length = length;
        Rows = rows;
        Tokens = new long[rows.Count * length];
        Positions = new long[rows.Count * length];
        Real = new bool[rows.Count * length];
        for (var r = 0; r < rows.Count; r++)
        {
            var prefix = rows[r].Prefix;
            var pad = length - prefix.Length;
            for (var i = 0; i < length; i++)
            {
                var at = r * length + i;
                Real[at] = i >= pad;
                Tokens[at] = Real[at] ? prefix[i - pad] : SpecialTokens.Pad;
                Positions[at] = Math.Max(0, i - pad);
            }
        }
    }

    /// <summary>Prompt length after padding: every row's first <see cref="Length"/> tokens.</summary>
    public int Length { get; }

    /// <summary>Each row's sample (global prompt index, continuation index) and its real prefix.</summary>
    public IReadOnlyList<(int Prompt, int Continuation, int[] Prefix)> Rows { get; }

    /// <summary>[rows * Length] row-major, as the tensors [B, T] take them.</summary>
    public long[] Tokens { get; }
    public long[] Positions { get; }
    public bool[] Real { get; }

    public static PromptBatch Build(IEnumerable<(int Index, int[] Tokens)> prompts, int prefixTokens, int continuations)
    {
        var rows = new List<(int, int, int[])>();
        foreach (var (index, tokens) in prompts)
        {
            var prefix = tokens.Length > prefixTokens ? tokens[..prefixTokens] : tokens;
            if (prefix.Length == 0)
                throw new ArgumentException($"prompt {index} is empty; every prompt starts with <s>");
            for (var c = 0; c < continuations; c++)
                rows.Add((index, c, prefix));
        }
        return new PromptBatch(prefixTokens, rows);
    }
}
