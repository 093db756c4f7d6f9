"""SentencePiece side of benchmarks/tokenizer.sh: BPE training time and encoding MB/s on a corpus folder.

Usage: /usr/bin/python3 benchmarks/sentencepiece_tokenizer.py <corpus-folder> <vocab-size> <threads>
Needs Debian's python3-sentencepiece. Prints one JSON line, like the C# side.
"""
import glob
import json
import os
import sys
import tempfile
import time

import sentencepiece as spm


def documents(paths):
    """The corpus format: documents separated by empty lines (as ContrastivePipeline.Corpus.Documents reads it)."""
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for block in f.read().split("\n\n"):
                lines = [line.rstrip() for line in block.split("\n") if line.strip()]
                if lines:
                    docs.append("\n".join(lines))
    return docs


def main():
    folder, vocab_size, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    paths = sorted(glob.glob(os.path.join(folder, "*.txt")))
    corpus_bytes = sum(os.path.getsize(p) for p in paths)
    with tempfile.TemporaryDirectory() as tmp:
        # SentencePiece reads one sentence per line from the files themselves; its reading is in its time, as ours is.
        start = time.perf_counter()
        spm.SentencePieceTrainer.train(
            input=",".join(paths), model_prefix=os.path.join(tmp, "sp"), model_type="bpe",
            vocab_size=vocab_size, num_threads=threads, input_sentence_size=0, minloglevel=2)
        train_seconds = time.perf_counter() - start

        sp = spm.SentencePieceProcessor(model_file=os.path.join(tmp, "sp.model"))
        docs = documents(paths)
        text_bytes = sum(len(d.encode("utf-8")) for d in docs)
        start = time.perf_counter()
        ids = sp.encode(docs, out_type=int, num_threads=threads)
        encode_seconds = time.perf_counter() - start

    print(json.dumps({
        "side": "sentencepiece", "corpus_mb": round(corpus_bytes / 1e6, 2), "documents": len(docs),
        "vocab_size": sp.get_piece_size(), "threads": threads, "train_seconds": round(train_seconds, 3),
        "encode_seconds": round(encode_seconds, 3), "encode_mb_per_s": round(text_bytes / 1e6 / encode_seconds, 2),
        "tokens": sum(len(x) for x in ids),
    }))


if __name__ == "__main__":
    main()
