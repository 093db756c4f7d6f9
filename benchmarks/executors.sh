#!/usr/bin/env bash
# Wall time of benchmarks/executors.yaml's final runs, evaluations and report (six independent final runs; everything
# up to Mix built once and copied into each store) with --jobs=1, --jobs=2 and Slurm with 2 slots, one after another,
# then the scheduler overhead per instance: the time from a slot and an instance's inputs being free to the instance's
# step command starting (benchmarks/executor_overhead.py). Slurm needs a running cluster (.ci/slurm-cluster start).
# Usage: benchmarks/executors.sh [work folder]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/cp-executors}
experiment=benchmarks/executors.yaml
rm -rf "$work"; mkdir -p "$work"
dotnet build -v quiet -nologo >/dev/null
host() { dotnet build/bin/Debug/net10.0/Build.dll --experiment="$experiment" "$@"; }
host --target=Mix --paths_artifacts="$work/upstream" >"$work/upstream.log" 2>&1
for mode in jobs1 jobs2 slurm2; do
    case $mode in
        jobs1) switches=(--jobs=1) ;;
        jobs2) switches=(--jobs=2) ;;
        slurm2) switches=(--executor=slurm --jobs=2) ;;
    esac
    cp -a "$work/upstream" "$work/$mode"
    start=$(date +%s.%N)
    host --paths_artifacts="$work/$mode" "${switches[@]}" >"$work/$mode.log" 2>&1
    end=$(date +%s.%N)
    echo "$mode: $(python3 -c "print(f'{$end - $start:.1f}')") s wall (load $(cut -d' ' -f1 /proc/loadavg)); $(tail -n 1 "$work/$mode.log")"
done
python3 benchmarks/executor_overhead.py "$work"
