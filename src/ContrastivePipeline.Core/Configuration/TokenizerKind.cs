namespace ContrastivePipeline.Configuration;

/// <summary>The BPE tokenizers the Tokenize step can train (PAPER.md 3.2).</summary>
public enum TokenizerKind
{
    /// <summary>GPT-2's byte-level BPE: every string encodes, no &lt;unk&gt;; the CPU-sized default.</summary>
    ByteLevel,

    /// <summary>
    /// The paper's: <c>tokenizers.SentencePieceBPETokenizer</c>, NFKC, '▁' metaspace with a prefix space, BPE over
    /// characters with no byte fallback (a character never seen in training is &lt;unk&gt;).
    /// </summary>
    SentencepieceBpe,
}
