#!/usr/bin/env bash
# Evaluation speed benchmark: one checkpoint's zero-shot items and reading rows scored by our Evaluate step's fast path
# (and its simple path, the oracle), against benchmarks/evaluate_reference.py (a batched PyTorch eager scorer) on the
# same exported weights and the same token ids. The sides run alternately RUNS times; every JSON line, the medians and
# the ratio of items/s are printed, with the load average before each run.
# Usage: benchmarks/evaluate.sh TOKENS_FOLDER [CHECKPOINT_FOLDER] [runs=3] [threads=2] [every=1] [eval=data/eval]
#   TOKENS_FOLDER: a Tokenize artifact (artifacts/store/Tokenize/<key>); CHECKPOINT_FOLDER: a run's checkpoints/step_N
#   ("" for random weights of the small.yaml shape); every=N scores every N-th zero-shot item (and all reading rows).
# Needs: apt-get install -y python3-torch libopenblas0-pthread (Debian's PyTorch 1.13, on /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
tokens=$1
checkpoint=${2:-}
runs=${3:-3}
threads=${4:-2}
every=${5:-1}
eval=${6:-data/eval}
export_dir=$(mktemp -d)
results=$(mktemp)
trap 'rm -rf "$export_dir" "$results"' EXIT

dotnet build -c Release src/ContrastivePipeline -v quiet -nologo >/dev/null
ours() { dotnet src/ContrastivePipeline/bin/Release/net10.0/ContrastivePipeline.dll evaluate-benchmark --tokens="$tokens" \
    --checkpoint="$checkpoint" --eval="$eval" --threads="$threads" --every="$every" "$@"; }
ours --paths=fast --export="$export_dir" >/dev/null # writes the model and the candidates for the reference
for run in $(seq "$runs"); do
    echo "# run $run, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    ours --paths=simple,fast | tee -a "$results"
    echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/python3 benchmarks/evaluate_reference.py "$export_dir" --threads="$threads" | tee -a "$results"
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [r for r in (json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")) if "items_per_s" in r]
def median(pred):
    return statistics.median(r["items_per_s"] for r in rows if pred(r))
fast = median(lambda r: r.get("path") == "fast")
simple = median(lambda r: r.get("path") == "simple")
torch = median(lambda r: r["implementation"].startswith("pytorch"))
print(f"items/s (medians): ours fast {fast:.0f}, ours simple {simple:.0f}, pytorch {torch:.0f}")
print(f"ratio ours fast / pytorch = {fast / torch:.2f} (target >= 5); fast / simple = {fast / simple:.2f}")
PY
