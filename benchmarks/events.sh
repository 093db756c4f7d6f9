#!/usr/bin/env bash
# Cost of TensorBoard event files at the training log rate (5 scalars every optimiser step), ours against TorchSharp's
# SummaryWriter, at 8000 steps (the paper's run), ROUNDS times alternately; then the time of one training step of the
# smallest model the pipeline trains (smoke.yaml's shape) and of the benchmark shape, to put the cost per step against.
# Usage: benchmarks/events.sh [rounds=3] [--folder=<folder on the filesystem to measure, e.g. a cluster's shared one>]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shift || true
cli=src/ContrastivePipeline/bin/Release/net10.0/ContrastivePipeline.dll
dotnet build -c Release src/ContrastivePipeline -v quiet -nologo >/dev/null
for _ in $(seq "$rounds"); do
    dotnet "$cli" events-benchmark --steps=8000 "$@"
done
dotnet "$cli" train-benchmark --layers=2 --hidden=64 --heads=2 --intermediate=256 --context=64 --vocab=512 --batch=8 --threads=2 | tail -n 1
dotnet "$cli" train-benchmark --threads=2 | tail -n 1
