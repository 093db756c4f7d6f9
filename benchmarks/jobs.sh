#!/usr/bin/env bash
# Threads and OpenMP wait policy of concurrent instances (--jobs): two training benchmarks at once, as two local jobs
# run, on the small.yaml model shape. Prints the tokens/s of each setting, summed over both processes, and one process
# alone with every thread for reference. Usage: benchmarks/jobs.sh [runs] [train-benchmark switches]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
threads=$(nproc)
dotnet build -c Release src/ContrastivePipeline -v quiet -nologo >/dev/null
bench() { dotnet src/ContrastivePipeline/bin/Release/net10.0/ContrastivePipeline.dll train-benchmark --layers=4 --hidden=128 --heads=4 \
    --intermediate=512 --context=128 --vocab=8192 --batch=16 "$@" | tail -n 1 | python3 -c "import json,sys; print(json.load(sys.stdin)['train_tokens_per_s'])"; }
pair() { # $1 = threads each, $2 = OMP_WAIT_POLICY (or "default"), then train-benchmark switches
    local threads=$1 policy=$2 a b
    shift 2
    a=$(mktemp); b=$(mktemp)
    for out in "$a" "$b"; do
        (export OMP_NUM_THREADS="$threads"; [ "$policy" != default ] && export OMP_WAIT_POLICY="$policy"
         bench --threads="$threads" "$@" >"$out") &
    done
    wait
    python3 -c "print(f'{float(open(\"$a\").read()) + float(open(\"$b\").read()):.0f}')"
    rm -f "$a" "$b"
}
for run in $(seq "$runs"); do
    echo "round $run (load $(cut -d' ' -f1 /proc/loadavg)):"
    echo "  one job, $threads threads:                 $(bench --threads="$threads" "$@" | cut -d. -f1) tokens/s"
    echo "  two jobs, $threads threads each, default:  $(pair "$threads" default "$@") tokens/s"
    echo "  two jobs, $threads threads each, PASSIVE:  $(pair "$threads" PASSIVE "$@") tokens/s"
    echo "  two jobs, $((threads / 2)) thread each, default:   $(pair $((threads / 2)) default "$@") tokens/s"
    echo "  two jobs, $((threads / 2)) thread each, PASSIVE:   $(pair $((threads / 2)) PASSIVE "$@") tokens/s"
done
