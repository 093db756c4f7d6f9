#!/usr/bin/env bash
# Tokenizer benchmark: our BPE trainer and encoder against SentencePiece's (model_type=bpe) on the same corpus,
# vocabulary size and thread count. Each side runs RUNS times; the medians and our/SentencePiece ratios are printed.
# Usage: benchmarks/tokenizer.sh [corpus-folder] [vocab-size] [threads] [runs]
# Needs: apt-get install -y python3-sentencepiece (Debian's, on /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/work/shared/data/corpora/large}
vocab=${2:-8192}
threads=${3:-2}
runs=${4:-3}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

dotnet build -c Release src/ContrastivePipeline -v quiet -nologo >/dev/null
for _ in $(seq "$runs"); do
    /usr/bin/python3 benchmarks/sentencepiece_tokenizer.py "$corpus" "$vocab" "$threads" | tee -a "$results"
    dotnet src/ContrastivePipeline/bin/Release/net10.0/ContrastivePipeline.dll tokenizer-benchmark "$corpus" "$vocab" "$threads" \
        | tail -n 1 | tee -a "$results"
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
median = {side: {key: statistics.median(r[key] for r in rows if r["side"] == side)
                 for key in ("train_seconds", "encode_mb_per_s")} for side in ("ours", "sentencepiece")}
for side, m in median.items():
    print(f"{side:>13}: train {m['train_seconds']:.2f} s (median)   encode {m['encode_mb_per_s']:.2f} MB/s (median)")
ours, sp = median["ours"], median["sentencepiece"]
print(f"ratios: train time ours/sentencepiece = {ours['train_seconds'] / sp['train_seconds']:.3f} (target <= 1), "
      f"encode speed ours/sentencepiece = {ours['encode_mb_per_s'] / sp['encode_mb_per_s']:.2f} (target >= 1)")
PY
