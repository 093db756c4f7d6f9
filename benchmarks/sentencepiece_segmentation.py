"""SentencePiece's own BPE, trained and applied on the same text as ours: the reference of the SentencePiece tokenizer kind.

Usage: /usr/bin/python3 benchmarks/sentencepiece_segmentation.py <train.txt> <words.txt> <vocab-size> <out.json>
train.txt holds one training sentence per line (SentencePiece reads lines); words.txt one held-out word per line.
Writes {"vocab_size": n, "pieces": {word: [piece, ...]}}. Needs Debian's python3-sentencepiece.
The settings are the paper's (PAPER.md 3.2): BPE, character_coverage=1, no byte fallback, <unk>=0 <s>=1 </s>=2
<pad>=3, a prefix space, NFKC, and no split at Unicode script changes (the HF SentencePieceBPETokenizer the authors
trained has none, so "'s" can be one piece); everything else is SentencePiece's default (max_sentencepiece_length=16).
Set CP_SP_SPLIT_BY_SCRIPT=1 to keep SentencePiece's default split at script changes.
"""
import json
import os
import sys
import tempfile

import sentencepiece as spm

SPLIT_BY_SCRIPT = os.environ.get("CP_SP_SPLIT_BY_SCRIPT") == "1"


def main():
    train, words_file, vocab_size, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "sp")
        spm.SentencePieceTrainer.train(
            input=train, model_prefix=prefix, model_type="bpe", vocab_size=vocab_size, character_coverage=1.0,
            byte_fallback=False, unk_id=0, bos_id=1, eos_id=2, pad_id=3, add_dummy_prefix=True,
            normalization_rule_name="nfkc", remove_extra_whitespaces=False, split_by_unicode_script=SPLIT_BY_SCRIPT,
            input_sentence_size=0,
            num_threads=1, minloglevel=2)
        sp = spm.SentencePieceProcessor(model_file=prefix + ".model")
        with open(words_file, encoding="utf-8") as f:
            words = [line.rstrip("\n") for line in f if line.strip()]
        pieces = {w: sp.encode(w, out_type=str) for w in words}
        size = sp.get_piece_size()
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"vocab_size": size, "pieces": pieces}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
