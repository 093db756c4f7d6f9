#!/usr/bin/env bash
# Training speed benchmark: our trainer's step (TorchSharp) against benchmarks/train_reference.py (PyTorch eager) on
# the same Llama shape, fp32, random tokens, 2 warm-up + 10 timed steps. The sides run alternately RUNS times; the
# medians, the ratio and MFU (train_gflops / matmul_gflops of a 2048^3 product on the same threads) are printed.
# Usage: benchmarks/train.sh [runs] [--layers= --hidden= --heads= --intermediate= --context= --vocab= --batch= --threads=]
# Needs: apt-get install -y python3-torch libopenblas0-pthread (Debian's PyTorch 1.13, on /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
results=$(mktemp)
trap 'rm -f "$results"' EXIT

dotnet build -c Release src/ContrastivePipeline -v quiet -nologo >/dev/null
for _ in $(seq "$runs"); do
    dotnet src/ContrastivePipeline/bin/Release/net10.0/ContrastivePipeline.dll train-benchmark "$@" | tail -n 1 | tee -a "$results"
    /usr/bin/python3 benchmarks/train_reference.py "$@" | tee -a "$results"
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
median = {side: {key: statistics.median(r[key] for r in rows if r["side"] == side)
                 for key in ("train_tokens_per_s", "train_gflops", "mfu")} for side in ("ours", "pytorch")}
for side, m in median.items():
    print(f"{side:>8}: {m['train_tokens_per_s']:.0f} tokens/s, {m['train_gflops']:.1f} GFLOP/s, MFU {m['mfu']:.2f} (medians)")
ratio = median["ours"]["train_tokens_per_s"] / median["pytorch"]["train_tokens_per_s"]
print(f"ratio ours/pytorch tokens/s = {ratio:.2f} (target >= 1.5); our MFU {median['ours']['mfu']:.2f} (target >= 0.55)")
PY
